package rasad.query.audit;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.springframework.stereotype.Component;
import rasad.query.processing.ReadModelCollections;

/**
 * {@code case_index}: per facility, every event about it in position order ({@link IndexedEvent});
 * {@code case_index_alerts}: the facility each alert is about, since triage events name only the alert.
 * A batch's entries are gathered and each case document written once at its end; an entry already there (a
 * redelivered batch) is not added twice.
 */
@Component
class CaseIndex {

    static final String PROCESSING_GROUP = "case-index";
    private static final String CASES = "case_index";
    private static final String ALERTS = "case_index_alerts";

    private final ReadModelCollections collections;
    /** An alert's subject never changes, so what is known of it stays true (empty: about no facility). */
    private final Map<String, Optional<String>> alertFacilities = new ConcurrentHashMap<>();

    CaseIndex(ReadModelCollections collections) {
        this.collections = collections;
        collections.register(
                new ReadModelCollections.ReadModel(PROCESSING_GROUP, List.of(CASES, ALERTS), collection -> {
                    // every access is by _id
                }));
    }

    /** The case's events in position order; empty if no event about it is indexed (yet). */
    Optional<List<IndexedEvent>> events(String facilityId) {
        Document indexed = collections
                .forQueries(PROCESSING_GROUP, CASES)
                .find(eq("_id", facilityId))
                .first();
        return Optional.ofNullable(indexed)
                .map(document -> document.getList("events", Document.class).stream()
                        .map(IndexedEvent::of)
                        .toList());
    }

    void add(String facilityId, IndexedEvent event) {
        batch().add(facilityId, event);
    }

    /**
     * Written whenever an alert event names its facility, not only the first time: a rebuild writes fresh
     * collections, which this instance's memory of earlier alerts knows nothing of.
     */
    void alertConcerns(String alertId, String facilityId) {
        collections
                .forProjection(PROCESSING_GROUP, ALERTS)
                .replaceOne(
                        eq("_id", alertId),
                        new Document("_id", alertId).append("facility", facilityId),
                        new ReplaceOptions().upsert(true));
        alertFacilities.put(alertId, Optional.of(facilityId));
    }

    Optional<String> facilityOfAlert(String alertId) {
        return alertFacilities.computeIfAbsent(
                alertId,
                id -> Optional.ofNullable(collections
                                .forProjection(PROCESSING_GROUP, ALERTS)
                                .find(eq("_id", id))
                                .first())
                        .map(mapping -> mapping.getString("facility")));
    }

    private Batch batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new Batch(collections.forProjection(PROCESSING_GROUP, CASES), true);
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(Batch.class.getName(), key -> {
            Batch batch = new Batch(collections.forProjection(PROCESSING_GROUP, CASES), false);
            unitOfWork.onPrepareCommit(done -> batch.flush());
            return batch;
        });
    }

    private static final class Batch {
        private final MongoCollection<Document> cases;
        private final boolean immediate;
        private final Map<String, List<IndexedEvent>> added = new LinkedHashMap<>();

        Batch(MongoCollection<Document> cases, boolean immediate) {
            this.cases = cases;
            this.immediate = immediate;
        }

        void add(String facilityId, IndexedEvent event) {
            added.computeIfAbsent(facilityId, id -> new ArrayList<>()).add(event);
            if (immediate) {
                flush();
            }
        }

        void flush() {
            added.forEach((facilityId, events) -> {
                Document indexed = cases.find(eq("_id", facilityId)).first();
                List<Document> entries = indexed == null
                        ? new ArrayList<>()
                        : new ArrayList<>(indexed.getList("events", Document.class));
                Set<String> known = new HashSet<>();
                entries.forEach(entry -> known.add(entry.getString("e")));
                events.stream()
                        .filter(event -> known.add(event.eventId()))
                        .forEach(event -> entries.add(event.toDocument()));
                cases.replaceOne(
                        eq("_id", facilityId),
                        new Document("_id", facilityId).append("events", entries),
                        new ReplaceOptions().upsert(true));
            });
            added.clear();
        }
    }
}
