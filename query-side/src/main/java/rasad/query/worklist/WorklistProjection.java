package rasad.query.worklist;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;
import rasad.kernel.facility.FacilityGranted;
import rasad.kernel.sampling.FieldVisitAssigned;
import rasad.kernel.verification.FieldVisitRecorded;
import rasad.query.processing.FieldKeys;
import rasad.query.processing.ReadModelCollections;

/**
 * Keeps each inspector's worklist: one document per inspector with the plans assigned to them, and where each
 * plan is. Fields are set, never incremented, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(WorklistProjection.PROCESSING_GROUP)
class WorklistProjection {

    static final String PROCESSING_GROUP = "worklist";
    static final String WORKLISTS = "inspector_worklists";
    static final String PLACES = "worklist_places";
    static final String ASSIGNMENTS = "worklist_assignments";

    private final ReadModelCollections collections;

    WorklistProjection(ReadModelCollections collections) {
        this.collections = collections;
        collections.register(new ReadModelCollections.ReadModel(
                PROCESSING_GROUP, List.of(WORKLISTS, PLACES, ASSIGNMENTS), ignored -> {}));
    }

    @EventHandler
    void on(FacilityGranted event) {
        Document place = new Document("_id", event.facilityId().value())
                .append("beneficiary", event.beneficiary().name().value())
                .append("programme", event.programme().value())
                .append("county", event.county().value())
                .append(
                        "mobile",
                        event.profile() == null ? null : event.profile().mobile())
                .append(
                        "address",
                        event.workplace() == null ? null : event.workplace().address())
                .append(
                        "latitude",
                        event.workplace() == null || event.workplace().location() == null
                                ? null
                                : event.workplace().location().latitude())
                .append(
                        "longitude",
                        event.workplace() == null || event.workplace().location() == null
                                ? null
                                : event.workplace().location().longitude());
        collections
                .forProjection(PROCESSING_GROUP, PLACES)
                .replaceOne(eq("_id", place.getString("_id")), place, new ReplaceOptions().upsert(true));
    }

    /**
     * A new assignment opens the visit again: only a visit recorded after it satisfies it (the visit that raised
     * the alert does not). Reassigned to another inspector, the visit leaves the first one's list.
     */
    @EventHandler
    void on(FieldVisitAssigned event) {
        String facility = event.facilityId().value();
        Document previous = collections
                .forProjection(PROCESSING_GROUP, ASSIGNMENTS)
                .find(eq("_id", facility))
                .first();
        if (previous != null && !event.inspector().equals(previous.getString("inspector"))) {
            collections
                    .forProjection(PROCESSING_GROUP, WORKLISTS)
                    .updateOne(eq("_id", previous.getString("inspector")), Updates.unset(path(facility)));
        }
        collections
                .forProjection(PROCESSING_GROUP, ASSIGNMENTS)
                .replaceOne(
                        eq("_id", facility),
                        new Document("_id", facility).append("inspector", event.inspector()),
                        new ReplaceOptions().upsert(true));
        collections
                .forProjection(PROCESSING_GROUP, WORKLISTS)
                .updateOne(
                        eq("_id", event.inspector()),
                        Updates.combine(
                                Updates.set(path(facility) + ".sampleId", event.sampleId()),
                                Updates.set(
                                        path(facility) + ".dueOn", event.dueOn().toString()),
                                Updates.unset(path(facility) + ".visitedAt"),
                                Updates.unset(path(facility) + ".visitId")),
                        new UpdateOptions().upsert(true));
    }

    @EventHandler
    void on(FieldVisitRecorded event) {
        String facility = event.facilityId().value();
        Document assignment = collections
                .forProjection(PROCESSING_GROUP, ASSIGNMENTS)
                .find(eq("_id", facility))
                .first();
        if (assignment == null) {
            return; // a visit nobody was assigned (an admin's): on no inspector's list
        }
        collections
                .forProjection(PROCESSING_GROUP, WORKLISTS)
                .updateOne(
                        eq("_id", assignment.getString("inspector")),
                        Updates.combine(
                                Updates.set(
                                        path(facility) + ".visitedAt",
                                        event.deviceTime().toString()),
                                Updates.set(path(facility) + ".visitId", event.visitId())));
    }

    /** A facility id may hold dots, which a field path would read as nesting: kept escaped as a key. */
    static String path(String facilityId) {
        return "visits." + key(facilityId);
    }

    static String key(String facilityId) {
        return FieldKeys.escaped(facilityId);
    }

    static String facilityOf(String key) {
        return FieldKeys.unescaped(key);
    }
}
