package rasad.query.facility;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import rasad.kernel.audit.AuditMetaData;
import rasad.kernel.diversion.DiversionConfirmed;
import rasad.kernel.diversion.DiversionDismissed;
import rasad.kernel.diversion.DiversionFindingRecorded;
import rasad.kernel.facility.FacilityClosed;
import rasad.kernel.facility.FacilityGranted;
import rasad.kernel.facility.TrancheDisbursed;
import rasad.kernel.job.FollowUpMissed;
import rasad.kernel.job.FollowUpRecorded;
import rasad.kernel.job.FollowUpRequested;
import rasad.kernel.job.JobCorrected;
import rasad.kernel.job.JobEnded;
import rasad.kernel.job.JobRegistered;
import rasad.kernel.verification.FieldVisitRecorded;
import rasad.kernel.verification.PhoneCheckRecorded;
import rasad.kernel.verification.SmsCheckRecorded;

/** Keeps the {@code facilities} read model from the event store, through a tracking processor. */
@Component
@Order(1) // the case first, then its timeline
@ProcessingGroup(FacilityProjection.PROCESSING_GROUP)
class FacilityProjection {

    static final String PROCESSING_GROUP = "facilities";

    private final FacilityReadModel readModel;

    FacilityProjection(FacilityReadModel readModel) {
        this.readModel = readModel;
    }

    @EventHandler
    void on(
            FacilityGranted event,
            @MetaDataValue(AuditMetaData.ACTOR) String actor,
            @MetaDataValue(AuditMetaData.RECORDED_AT) String recordedAt) {
        readModel.save(FacilityView.granted(
                event.facilityId().value(),
                new FacilityView.Beneficiary(
                        event.beneficiary().nationalId().value(),
                        event.beneficiary().name().value()),
                event.programme().value(),
                event.bank().value(),
                event.agency().value(),
                event.county().value(),
                event.amount().amount(),
                event.committedJobs().count(),
                event.grantedOn(),
                actor,
                recordedAt == null ? null : Instant.parse(recordedAt),
                new FacilityView.Profile(
                        event.profile().gender() == null
                                ? null
                                : event.profile().gender().name(),
                        event.profile().disabled(),
                        event.profile().rural()),
                event.workplace() == null
                        ? null
                        : new FacilityView.Place(
                                event.workplace().address(),
                                event.workplace().location() == null
                                        ? null
                                        : event.workplace().location().latitude(),
                                event.workplace().location() == null
                                        ? null
                                        : event.workplace().location().longitude()),
                event.branch(),
                event.fundingSource(),
                event.approvedPlan()));
    }

    @EventHandler
    void on(TrancheDisbursed event) {
        readModel.tranchePaid(
                event.facilityId().value(),
                new FacilityView.Tranche(
                        event.trancheId().value(), event.amount().amount(), event.paidOn()),
                event.paidSoFar().amount());
    }

    @EventHandler
    void on(JobRegistered event) {
        readModel.jobRegistered(
                event.facilityId().value(),
                new FacilityView.Job(
                        event.jobId().value(),
                        event.person().value(),
                        event.occupation(),
                        event.startedOn(),
                        event.fullTime(),
                        event.seasonalMonths(),
                        null,
                        null,
                        null,
                        Map.of()));
    }

    @EventHandler
    void on(SmsCheckRecorded event) {
        readModel.stageRecorded(
                event.id().facilityId().value(),
                event.id().jobId().value(),
                "smsCheck",
                event.outcome().name());
    }

    @EventHandler
    void on(PhoneCheckRecorded event) {
        readModel.stageRecorded(
                event.id().facilityId().value(),
                event.id().jobId().value(),
                "phoneCheck",
                event.outcome().name());
    }

    @EventHandler
    void on(FollowUpRequested event) {
        readModel.stageRecorded(
                event.facilityId().value(), event.jobId().value(), "followUps." + key(event.horizon()), "REQUESTED");
    }

    @EventHandler
    void on(FollowUpRecorded event) {
        readModel.stageRecorded(
                event.facilityId().value(),
                event.jobId().value(),
                "followUps." + key(event.horizon()),
                event.outcome().name());
    }

    @EventHandler
    void on(FollowUpMissed event) {
        readModel.stageRecorded(
                event.facilityId().value(), event.jobId().value(), "followUps." + key(event.horizon()), "MISSED");
    }

    /** A horizon such as PT4368H as a field name (no dots). */
    private static String key(String horizon) {
        return horizon.replace('.', '_');
    }

    @EventHandler
    void on(JobCorrected event) {
        readModel.jobRegistered(
                event.facilityId().value(),
                new FacilityView.Job(
                        event.jobId().value(),
                        event.person().value(),
                        event.occupation(),
                        event.startedOn(),
                        event.fullTime(),
                        event.seasonalMonths(),
                        null,
                        null,
                        null,
                        Map.of()));
    }

    @EventHandler
    void on(JobEnded event) {
        readModel.jobEnded(event.facilityId().value(), event.jobId().value(), event.endedOn());
    }

    @EventHandler
    void on(DiversionFindingRecorded event) {
        readModel.findingRecorded(event.facilityId().value(), event.findingId(), event.observedOn(), event.finding());
    }

    @EventHandler
    void on(DiversionConfirmed event) {
        readModel.findingDecided(event.facilityId().value(), event.findingId(), "CONFIRMED", event.reason());
    }

    @EventHandler
    void on(DiversionDismissed event) {
        readModel.findingDecided(event.facilityId().value(), event.findingId(), "DISMISSED", event.reason());
    }

    /** Where the inspector stood against the registered workplace: what rule R7 compares, shown to the auditor. */
    @EventHandler
    void on(
            FieldVisitRecorded event,
            @MetaDataValue(AuditMetaData.ACTOR) String actor,
            @MetaDataValue(AuditMetaData.RECORDED_AT) String recordedAt) {
        String facilityId = event.facilityId().value();
        readModel.visited(
                facilityId,
                new VisitView(
                        event.visitId(),
                        event.deviceTime(),
                        recordedAt == null ? null : Instant.parse(recordedAt),
                        actor,
                        event.location().latitude(),
                        event.location().longitude(),
                        event.accuracyMetres(),
                        null, // measured against the workplace as the read model holds it
                        event.businessOperating(),
                        event.moneyUsedAsPlanned(),
                        event.jobsSeen() == null ? Map.of() : event.jobsSeen(),
                        (event.photos() == null ? List.<String>of() : event.photos())
                                .stream()
                                        .map(sha -> new VisitView.Photo(sha, "/api/evidence/" + sha))
                                        .toList(),
                        event.notes()));
    }

    @EventHandler
    void on(FacilityClosed event) {
        readModel.closed(
                event.facilityId().value(),
                new FacilityView.Closure(event.kind().name(), event.closedOn(), event.reason()));
    }
}
