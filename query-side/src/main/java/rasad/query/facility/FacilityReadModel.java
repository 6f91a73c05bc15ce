package rasad.query.facility;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/** The {@code facilities} collection: one document per case, keyed by the facility id. */
@Component
class FacilityReadModel {

    static final String COLLECTION = "facilities";

    private final MongoCollection<Document> facilities;

    FacilityReadModel(MongoDatabase database) {
        this.facilities = database.getCollection(COLLECTION);
        // Served by real MongoDB; the embedded server scans for these filters whatever the indexes.
        facilities.createIndex(Indexes.ascending("county"));
        facilities.createIndex(Indexes.ascending("programme"));
        facilities.createIndex(Indexes.ascending("bank"));
    }

    /** Replaces the whole document: applying the same event twice leaves the same state (replay-safe). */
    void save(FacilityView view) {
        facilities.replaceOne(eq("_id", view.facilityId()), toDocument(view), new ReplaceOptions().upsert(true));
    }

    Optional<FacilityView> find(String facilityId) {
        return Optional.ofNullable(facilities.find(eq("_id", facilityId)).first()).map(FacilityReadModel::toView);
    }

    Page<FacilityView> list(FacilityFilter filter, int page, int size) {
        Bson query = filter.toBson();
        long total = facilities.countDocuments(query);
        List<FacilityView> items = facilities.find(query).sort(Sorts.ascending("_id"))
                .skip(page * size).limit(size)
                .map(FacilityReadModel::toView).into(new ArrayList<>());
        return new Page<>(items, page, size, total);
    }

    record FacilityFilter(String county, String programme, String bank) {
        Bson toBson() {
            List<Bson> clauses = new ArrayList<>();
            if (county != null) {
                clauses.add(eq("county", county));
            }
            if (programme != null) {
                clauses.add(eq("programme", programme));
            }
            if (bank != null) {
                clauses.add(eq("bank", bank));
            }
            return clauses.isEmpty() ? new Document() : and(clauses);
        }
    }

    record Page<T>(List<T> items, int page, int size, long totalItems) {
        public long totalPages() {
            return (totalItems + size - 1) / size;
        }
    }

    private static Document toDocument(FacilityView view) {
        return new Document("_id", view.facilityId())
                .append("beneficiary", new Document("nationalId", view.beneficiary().nationalId())
                        .append("name", view.beneficiary().name()))
                .append("programme", view.programme())
                .append("bank", view.bank())
                .append("agency", view.agency())
                .append("county", view.county())
                .append("amountRials", view.amountRials())
                .append("committedJobs", view.committedJobs())
                .append("grantedOn", view.grantedOn().toString())
                .append("status", view.status())
                .append("grantedBy", view.grantedBy())
                .append("recordedAt", view.recordedAt() == null ? null : Date.from(view.recordedAt()));
    }

    private static FacilityView toView(Document document) {
        Document beneficiary = document.get("beneficiary", Document.class);
        Date recordedAt = document.getDate("recordedAt");
        return new FacilityView(
                document.getString("_id"),
                new FacilityView.Beneficiary(beneficiary.getString("nationalId"), beneficiary.getString("name")),
                document.getString("programme"),
                document.getString("bank"),
                document.getString("agency"),
                document.getString("county"),
                document.get("amountRials", Number.class).longValue(),
                document.getInteger("committedJobs"),
                LocalDate.parse(document.getString("grantedOn")),
                document.getString("status"),
                document.getString("grantedBy"),
                recordedAt == null ? null : recordedAt.toInstant());
    }
}
