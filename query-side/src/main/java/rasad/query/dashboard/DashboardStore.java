package rasad.query.dashboard;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.nin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import rasad.query.processing.ReadModelCollections;

/**
 * The dashboard's two collections: {@code dashboard_cases} (each facility's {@link CaseFacts}) and
 * {@code dashboard} (one document per Solar Hijri month or approved plan, holding every counter of every
 * breakdown). A query reads at most twelve month documents by id, whatever the number of facilities.
 */
@Component
class DashboardStore implements DashboardStorage {

    static final String PROCESSING_GROUP = "dashboard";
    static final String CASES = "dashboard_cases";
    static final String BUCKETS = "dashboard";
    /**
     * How many recently applied changes a bucket remembers. A change is re-applied only when its event is
     * delivered again, which happens for the events of the last unfinished batch; this is far above the batch
     * size ({@code axon.eventhandling.processors.dashboard.batch-size}).
     */
    static final int REMEMBERED_CHANGES = 512;

    private final ReadModelCollections collections;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    DashboardStore(ReadModelCollections collections) {
        this.collections = collections;
        // only unique-key lookups: nothing to index beyond _id
        collections.register(
                new ReadModelCollections.ReadModel(PROCESSING_GROUP, List.of(CASES, BUCKETS), ignored -> {}));
    }

    @Override
    public CaseFacts facts(String facilityId) {
        Document stored = collections
                .forProjection(PROCESSING_GROUP, CASES)
                .find(eq("_id", facilityId))
                .first();
        if (stored == null) {
            return CaseFacts.unknown(facilityId);
        }
        stored.remove("_id");
        try {
            return json.readValue(stored.toJson(), CaseFacts.class);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("dashboard case " + facilityId + " is unreadable", unreadable);
        }
    }

    @Override
    public void save(CaseFacts facts) {
        try {
            Document document = Document.parse(json.writeValueAsString(facts)).append("_id", facts.facilityId());
            collections
                    .forProjection(PROCESSING_GROUP, CASES)
                    .replaceOne(eq("_id", facts.facilityId()), document, new ReplaceOptions().upsert(true));
        } catch (JsonProcessingException unwritable) {
            throw new IllegalStateException("dashboard case " + facts.facilityId() + " cannot be written", unwritable);
        }
    }

    /**
     * Adds a batch's changes to one bucket in one update if the bucket holds none of them yet; otherwise (a
     * batch delivered again after a crash, perhaps cut differently) change by change, each once.
     */
    @Override
    public void applyBatch(
            String bucket, List<String> changeIds, Map<String, Long> summed, Map<String, Map<String, Long>> byChange) {
        if (!applyOnce(bucket, changeIds, summed)) {
            byChange.forEach((changeId, fields) -> applyOnce(bucket, List.of(changeId), fields));
        }
    }

    /** True if the fields were added with the ids; false if the bucket already holds one of the ids. */
    private boolean applyOnce(String bucket, List<String> changeIds, Map<String, Long> fields) {
        List<Bson> updates = new ArrayList<>();
        fields.forEach((field, count) -> {
            if (count != 0) {
                updates.add(Updates.inc(field, count));
            }
        });
        updates.add(Updates.pushEach("applied", changeIds, new PushOptions().slice(-REMEMBERED_CHANGES)));
        try {
            // not matching the filter, the upsert inserts a second document under the same _id: refused below
            collections
                    .forProjection(PROCESSING_GROUP, BUCKETS)
                    .updateOne(
                            and(eq("_id", bucket), nin("applied", changeIds)),
                            Updates.combine(updates),
                            new UpdateOptions().upsert(true));
            return true;
        } catch (MongoWriteException alreadyApplied) {
            // the upsert found the bucket, which already holds one of these changes
            if (alreadyApplied.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw alreadyApplied;
            }
            return false;
        }
    }

    @Override
    public Optional<Document> bucket(String id) {
        // the remembered change ids are the projection's business, and most of a bucket's bytes
        return Optional.ofNullable(collections
                .forQueries(PROCESSING_GROUP, BUCKETS)
                .find(eq("_id", id))
                .projection(Projections.exclude("applied"))
                .first());
    }
}
