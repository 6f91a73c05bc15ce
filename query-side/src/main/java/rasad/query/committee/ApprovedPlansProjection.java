package rasad.query.committee;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;
import rasad.kernel.committee.PlanApproved;
import rasad.kernel.committee.PlanFinanced;

/** Keeps {@code approved_plans}: each plan the committee approved, and the facility financing it. */
@Component
@ProcessingGroup("committee")
class ApprovedPlansProjection {

    private final MongoCollection<Document> plans;

    ApprovedPlansProjection(MongoDatabase database) {
        this.plans = database.getCollection(ApprovedPlansQueryController.COLLECTION);
    }

    @EventHandler
    void on(PlanApproved event) {
        Document existing = plans.find(eq("_id", event.planId())).first();
        Document plan = new Document("_id", event.planId())
                .append("sessionId", event.sessionId())
                .append("heldOn", event.heldOn().toString())
                .append("title", event.title())
                .append("programme", event.programme().value())
                .append("county", event.county().value())
                .append("amountRials", event.amount().amount())
                .append("committedJobs", event.committedJobs().count())
                // a replayed approval keeps the financing recorded after it
                .append("financedBy", existing == null ? null : existing.getString("financedBy"))
                .append("financedRials", existing == null ? null : existing.get("financedRials"));
        plans.replaceOne(eq("_id", event.planId()), plan, new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(PlanFinanced event) {
        plans.updateOne(
                eq("_id", event.planId()),
                Updates.combine(
                        Updates.set("financedBy", event.facilityId().value()),
                        Updates.set("financedRials", event.amount().amount())));
    }
}
