package rasad.query.planning;

import java.time.Instant;
import java.util.Date;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.springframework.stereotype.Component;
import rasad.kernel.planning.JobTargetId;
import rasad.kernel.planning.JobTargetRevised;
import rasad.kernel.planning.JobTargetSet;
import rasad.kernel.planning.QuotaId;
import rasad.kernel.planning.QuotaRevised;
import rasad.kernel.planning.QuotaSet;

/** Keeps the current targets and quotas of each fiscal year. */
@Component
@ProcessingGroup("planning")
class PlanningProjection {

    private final PlanningReadModel readModel;

    PlanningProjection(PlanningReadModel readModel) {
        this.readModel = readModel;
    }

    @EventHandler
    void on(JobTargetSet event, @Timestamp Instant at) {
        readModel.saveTarget(target(event.id(), event.jobs(), 0, event.reason(), at));
    }

    @EventHandler
    void on(JobTargetRevised event, @SequenceNumber long revision, @Timestamp Instant at) {
        // the event's sequence in its aggregate is its revision number: replaying it twice counts it once
        Document revised = target(event.id(), event.jobs(), (int) revision, event.reason(), at)
                .append("previousJobs", event.previousJobs());
        readModel.saveTarget(revised);
    }

    @EventHandler
    void on(QuotaSet event, @Timestamp Instant at) {
        readModel.saveQuota(quota(event.id(), event.amount().amount(), 0, event.reason(), at));
    }

    @EventHandler
    void on(QuotaRevised event, @SequenceNumber long revision, @Timestamp Instant at) {
        readModel.saveQuota(quota(event.id(), event.amount().amount(), (int) revision, event.reason(), at)
                .append("previousAmountRials", event.previousAmount().amount()));
    }

    private static Document target(JobTargetId id, int jobs, int revisions, String reason, Instant at) {
        return new Document("_id", id.toString())
                .append("fiscalYear", id.fiscalYear().year())
                .append("scopeKind", id.scope().kind().name())
                .append("scopeCode", id.scope().code())
                .append("jobs", jobs)
                .append("revisions", revisions)
                .append("lastReason", reason)
                .append("lastChangedAt", Date.from(at));
    }

    private static Document quota(QuotaId id, long amount, int revisions, String reason, Instant at) {
        return new Document("_id", id.toString())
                .append("fiscalYear", id.fiscalYear().year())
                .append("holderKind", id.holderKind().name())
                .append("holder", id.holder())
                .append("programme", id.programme().value())
                .append("fundingSource", id.fundingSource())
                .append("amountRials", amount)
                .append("revisions", revisions)
                .append("lastReason", reason)
                .append("lastChangedAt", Date.from(at));
    }
}
