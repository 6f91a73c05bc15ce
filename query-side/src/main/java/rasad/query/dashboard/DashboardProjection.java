package rasad.query.dashboard;

import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;
import rasad.kernel.diversion.DiversionConfirmed;
import rasad.kernel.facility.FacilityGranted;
import rasad.kernel.facility.TrancheDisbursed;
import rasad.kernel.job.FollowUpMissed;
import rasad.kernel.job.FollowUpRecorded;
import rasad.kernel.job.JobCorrected;
import rasad.kernel.job.JobEnded;
import rasad.kernel.job.JobRegistered;
import rasad.kernel.sampling.FieldVisitAssigned;
import rasad.kernel.verification.FieldVisitRecorded;
import rasad.kernel.verification.PhoneCheckRecorded;
import rasad.kernel.verification.SmsCheckRecorded;

/**
 * Keeps the province dashboard: each event changes one facility's facts, and the figures move by the
 * difference between what the facility contributed before and after. Replay-safe: the facts are replaced
 * whole, and each bucket adds a change at most once (see {@link DashboardStore#applyBatch}).
 */
@Component
@ProcessingGroup(DashboardStore.PROCESSING_GROUP)
class DashboardProjection {

    private final DashboardStorage store;

    DashboardProjection(DashboardStorage store) {
        this.store = store;
    }

    @EventHandler
    void on(FacilityGranted event, @MessageIdentifier String eventId) {
        var profile = event.profile();
        change(
                event.facilityId().value(),
                eventId,
                facts -> facts.granted(new CaseFacts.Grant(
                        event.agency().value(),
                        event.programme().value(),
                        event.county().value(),
                        event.bank().value(),
                        event.fundingSource(),
                        event.approvedPlan(),
                        profile.gender() == null ? null : profile.gender().name(),
                        profile.disabled(),
                        profile.rural(),
                        event.grantedOn(),
                        event.amount().amount())));
    }

    @EventHandler
    void on(TrancheDisbursed event, @MessageIdentifier String eventId) {
        change(
                event.facilityId().value(),
                eventId,
                facts -> facts.paid(
                        event.trancheId().value(),
                        new CaseFacts.Tranche(event.amount().amount(), event.paidOn())));
    }

    @EventHandler
    void on(JobRegistered event, @MessageIdentifier String eventId) {
        change(
                event.facilityId().value(),
                eventId,
                facts -> facts.registered(
                        event.jobId().value(),
                        new CaseFacts.Job(
                                event.startedOn(), event.fullTime(), event.seasonalMonths(), null, null, null, null)));
    }

    @EventHandler
    void on(JobCorrected event, @MessageIdentifier String eventId) {
        change(
                event.facilityId().value(),
                eventId,
                facts -> facts.job(
                        event.jobId().value(),
                        job -> job.correctedTo(event.startedOn(), event.fullTime(), event.seasonalMonths())));
    }

    @EventHandler
    void on(JobEnded event, @MessageIdentifier String eventId) {
        change(
                event.facilityId().value(),
                eventId,
                facts -> facts.job(event.jobId().value(), job -> job.withEnd(event.endedOn())));
    }

    @EventHandler
    void on(SmsCheckRecorded event, @MessageIdentifier String eventId) {
        change(
                event.id().facilityId().value(),
                eventId,
                facts -> facts.job(
                        event.id().jobId().value(),
                        job -> job.withSms(event.outcome().name())));
    }

    @EventHandler
    void on(PhoneCheckRecorded event, @MessageIdentifier String eventId) {
        change(
                event.id().facilityId().value(),
                eventId,
                facts -> facts.job(
                        event.id().jobId().value(),
                        job -> job.withPhone(event.outcome().name())));
    }

    @EventHandler
    void on(FollowUpRecorded event, @MessageIdentifier String eventId) {
        change(
                event.facilityId().value(),
                eventId,
                facts -> facts.job(
                        event.jobId().value(),
                        job -> job.withFollowUp(event.horizon(), event.outcome().name())));
    }

    @EventHandler
    void on(FollowUpMissed event, @MessageIdentifier String eventId) {
        change(
                event.facilityId().value(),
                eventId,
                facts -> facts.job(event.jobId().value(), job -> job.withFollowUp(event.horizon(), "MISSED")));
    }

    @EventHandler
    void on(FieldVisitAssigned event, @MessageIdentifier String eventId) {
        change(event.facilityId().value(), eventId, CaseFacts::drawnForVisit);
    }

    @EventHandler
    void on(FieldVisitRecorded event, @MessageIdentifier String eventId) {
        change(
                event.facilityId().value(),
                eventId,
                facts -> facts.visited(
                        new CaseFacts.Visit(event.businessOperating(), event.moneyUsedAsPlanned(), event.jobsSeen())));
    }

    @EventHandler
    void on(DiversionConfirmed event, @MessageIdentifier String eventId) {
        change(event.facilityId().value(), eventId, facts -> facts.diversionConfirmed(event.findingId()));
    }

    /**
     * Within a tracking processor's batch, changes are gathered and applied once at its end; outside one (a
     * test calling a handler), at once. Figures first, facts second either way: a crash in between re-derives
     * the same changes, which the buckets skip.
     */
    private void change(String facilityId, String eventId, UnaryOperator<CaseFacts> change) {
        if (!CurrentUnitOfWork.isStarted()) {
            DashboardBatch single = new DashboardBatch(store);
            single.change(facilityId, eventId, change);
            single.flush();
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        batch.getOrComputeResource(DashboardBatch.class.getName(), key -> {
                    DashboardBatch gathered = new DashboardBatch(store);
                    batch.onPrepareCommit(unitOfWork -> gathered.flush());
                    return gathered;
                })
                .change(facilityId, eventId, change);
    }
}
