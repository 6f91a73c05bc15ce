package rasad.command.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import rasad.kernel.alerts.AlertIds;
import rasad.kernel.alerts.AlertRule;
import rasad.kernel.audit.AuditMetaData;
import rasad.kernel.facility.FacilityClosed;
import rasad.kernel.facility.FacilityGranted;
import rasad.kernel.facility.TrancheDisbursed;
import rasad.kernel.facility.TrancheRefused;
import rasad.kernel.job.FollowUpOutcome;
import rasad.kernel.job.FollowUpRecorded;
import rasad.kernel.job.JobClaimRefused;
import rasad.kernel.job.JobCorrected;
import rasad.kernel.job.JobEnded;
import rasad.kernel.job.JobRegistered;
import rasad.kernel.sampling.FieldVisitAssigned;
import rasad.kernel.verification.FieldVisitRecorded;
import rasad.kernel.verification.PhoneCheckRecorded;
import rasad.kernel.verification.PhoneOutcome;
import rasad.kernel.verification.SmsCheckRecorded;
import rasad.kernel.verification.SmsOutcome;

/**
 * The rules about one facility (R1–R7, R9, R10): each event updates what the rules know of its facility and
 * raises or clears the alerts it bears on; the time rules are checks at deadlines (see {@link RuleChecks}).
 * The facts are written before any alert is asked for, which the checks' second look relies on.
 */
@Component
@ProcessingGroup(MonitoringProcessor.NAME)
@Order(2)
class FacilityRules {

    static final String NO_JOB = "R1";
    static final String JOBS_DUE = "R2";
    static final String VISIT_DUE = "R7-visit-due";
    static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");

    private final RuleState state;
    private final AlertSettings settings;
    private final RaisedAlerts alerts;
    private final RuleChecks checks;

    FacilityRules(RuleState state, AlertSettings settings, RaisedAlerts alerts, RuleChecks checks) {
        this.state = state;
        this.settings = settings;
        this.alerts = alerts;
        this.checks = checks;
    }

    @EventHandler
    void on(FacilityGranted granted) {
        String id = FacilityFacts.id(granted.facilityId().value());
        if (state.load(id, FacilityFacts.class).isPresent()) {
            return;
        }
        FacilityFacts facts = new FacilityFacts();
        facts.facilityId = granted.facilityId().value();
        facts.programme = granted.programme().value();
        facts.bank = granted.bank().value();
        facts.county = granted.county().value();
        facts.agency = granted.agency() == null ? null : granted.agency().value();
        facts.beneficiary = granted.beneficiary().nationalId().value();
        facts.committedJobs = granted.committedJobs().count();
        if (granted.workplace() != null && granted.workplace().location() != null) {
            facts.workplaceLatitude = granted.workplace().location().latitude();
            facts.workplaceLongitude = granted.workplace().location().longitude();
        }
        state.save(id, facts);
    }

    /** The first payment starts the clocks of R1 (a first job) and R2 (all committed jobs). */
    @EventHandler
    void on(TrancheDisbursed paid) {
        withFacts(paid.facilityId().value(), facts -> {
            if (facts.tranche(paid.trancheId().value()).isPresent()) {
                return false;
            }
            facts.tranches.add(new FacilityFacts.Tranche(paid.trancheId().value(), paid.paidOn(), paid.amount().amount()));
            if (facts.firstPaidOn == null) {
                facts.firstPaidOn = paid.paidOn();
                RuleParameters rules = settings.forProgramme(facts.programme);
                checks.schedule(startOf(paid.paidOn().plusDays(rules.noJobWithin().toDays())), NO_JOB, FacilityFacts.id(facts.facilityId), null);
                checks.schedule(startOf(paid.paidOn().plusDays(rules.jobsDueWithin().toDays())), JOBS_DUE, FacilityFacts.id(facts.facilityId), null);
            }
            return true;
        });
    }

    @EventHandler
    void on(TrancheRefused refused, EventMessage<?> message) {
        facts(refused.facilityId().value()).ifPresent(facts -> alerts.raise(
                AlertIds.of(AlertRule.R10, facts.facilityId), AlertRule.R10, parameters(facts),
                facts.subject("facility " + facts.facilityId), "the bank reported paying " + refused.amount()
                        + " on " + refused.paidOn() + ", which would take the facility to "
                        + (refused.paidSoFar().amount() + refused.amount().amount()) + " rials against a grant of "
                        + refused.granted(),
                Evidences.of(message, "tranche " + refused.trancheId() + " refused: beyond the grant")));
    }

    @EventHandler
    void on(FacilityClosed closed) {
        withFacts(closed.facilityId().value(), facts -> {
            facts.closed = true;
            return true;
        });
    }

    @EventHandler
    void on(JobRegistered registered, EventMessage<?> message) {
        String facilityId = registered.facilityId().value();
        FacilityFacts facts = facts(facilityId).orElse(null);
        if (facts == null || facts.job(registered.jobId().value()).isPresent()) {
            return;
        }
        facts.jobs.add(new FacilityFacts.Job(registered.jobId().value(), registered.person().value(),
                registered.startedOn(), message.getIdentifier()));
        state.save(FacilityFacts.id(facilityId), facts);
        RuleParameters rules = parameters(facts);
        if (facts.jobs.size() == 1) {
            alerts.clear(AlertIds.of(AlertRule.R1, facilityId), AlertRule.R1, "a first job was registered",
                    Evidences.of(message, "job " + registered.jobId() + " registered"));
        }
        if (facts.jobs.size() >= facts.committedJobs) {
            alerts.clear(AlertIds.of(AlertRule.R2, facilityId), AlertRule.R2, "the facility now claims all "
                    + facts.committedJobs + " committed jobs", Evidences.of(message, "job " + registered.jobId() + " registered"));
        }
        if (registered.person().value().equals(facts.beneficiary) && !rules.beneficiaryMayBeOwnJob()) {
            alerts.raise(AlertIds.of(AlertRule.R6, facilityId, "own-job"), AlertRule.R6, rules,
                    facts.subject("facility " + facilityId), "the beneficiary is claimed as the facility's own job, "
                            + "which programme " + facts.programme + " does not count",
                    Evidences.of(message, "job " + registered.jobId() + " is the beneficiary's"));
        }
        if (registered.seasonalMonths() == 0 && rules.seasonalOccupation(registered.occupation())) {
            signal(facts, seasonalId(facilityId, registered.jobId().value()), AlertRule.R9,
                    facts.subject("job " + registered.jobId() + " of facility " + facilityId),
                    "a job as " + registered.occupation() + " (seasonal work) is claimed as year-round",
                    Evidences.of(message, "job " + registered.jobId() + " registered with no seasonal months"));
        }
    }

    @EventHandler
    void on(JobCorrected corrected, EventMessage<?> message) {
        facts(corrected.facilityId().value()).ifPresent(facts -> {
            String alertId = seasonalId(facts.facilityId, corrected.jobId().value());
            if (corrected.seasonalMonths() > 0 || !parameters(facts).seasonalOccupation(corrected.occupation())) {
                signalEnded(facts, alertId, AlertRule.R9, "the job was corrected", Evidences.of(message,
                        "job " + corrected.jobId() + " corrected: " + corrected.seasonalMonths() + " seasonal months"));
            }
        });
    }

    @EventHandler
    void on(JobEnded ended, EventMessage<?> message) {
        endedEarly(ended.facilityId().value(), ended.jobId().value(), ended.endedOn(), message);
    }

    @EventHandler
    void on(FollowUpRecorded followUp, EventMessage<?> message) {
        if (followUp.outcome() == FollowUpOutcome.ENDED) {
            endedEarly(followUp.facilityId().value(), followUp.jobId().value(),
                    followUp.endedOn() != null ? followUp.endedOn() : LocalDate.ofInstant(message.getTimestamp(), TEHRAN),
                    message);
        }
    }

    private void endedEarly(String facilityId, String jobId, LocalDate endedOn, EventMessage<?> message) {
        facts(facilityId).ifPresent(facts -> facts.job(jobId).ifPresent(job -> {
            RuleParameters rules = parameters(facts);
            LocalDate horizon = job.startedOn().plusDays(rules.sustainabilityHorizon().toDays());
            if (endedOn.isBefore(horizon)) {
                alerts.raise(AlertIds.of(AlertRule.R9, facilityId, jobId), AlertRule.R9, rules,
                        facts.subject("job " + jobId + " of facility " + facilityId), "the job started on "
                                + job.startedOn() + " ended on " + endedOn + ", before the sustainability horizon ("
                                + horizon + ")", Evidences.of(message, "job " + jobId + " ended on " + endedOn));
            }
        }));
    }

    @EventHandler
    void on(JobClaimRefused refused, EventMessage<?> message) {
        facts(refused.facilityId().value()).ifPresent(facts -> alerts.raise(
                AlertIds.of(AlertRule.R6, AlertIds.digest(refused.person().value())), AlertRule.R6, parameters(facts),
                facts.subject("a person claimed by facilities " + refused.heldBy() + " and " + refused.facilityId()),
                "facility " + refused.facilityId() + " claimed as its job " + refused.jobId() + " a person who holds "
                        + "an active job (" + refused.heldByJob() + ") under facility " + refused.heldBy(),
                Evidences.of(message, "claim refused: the person's job is counted under " + refused.heldBy())));
    }

    @EventHandler
    void on(SmsCheckRecorded sms, EventMessage<?> message) {
        String jobId = sms.id().jobId().value();
        facts(sms.id().facilityId().value()).ifPresent(facts -> {
            String alertId = AlertIds.of(AlertRule.R3, facts.facilityId, jobId);
            if (sms.outcome().failed()) {
                signal(facts, alertId, AlertRule.R3, facts.subject("job " + jobId + " of facility " + facts.facilityId),
                        sms.outcome() == SmsOutcome.DENIED ? "the person denied the job by SMS"
                                : "the SMS check went unanswered", Evidences.of(message, "SMS check: " + sms.outcome()));
            } else if (sms.outcome().passed()) {
                signalEnded(facts, alertId, AlertRule.R3, "the SMS check was confirmed",
                        Evidences.of(message, "SMS check: CONFIRMED"));
            }
        });
    }

    @EventHandler
    void on(PhoneCheckRecorded phone, EventMessage<?> message) {
        String jobId = phone.id().jobId().value();
        facts(phone.id().facilityId().value()).ifPresent(facts -> {
            String alertId = AlertIds.of(AlertRule.R4, facts.facilityId, jobId);
            if (phone.outcome() == PhoneOutcome.CONFIRMED) {
                signalEnded(facts, alertId, AlertRule.R4, "the phone check was confirmed",
                        Evidences.of(message, "phone check: CONFIRMED"));
            } else {
                signal(facts, alertId, AlertRule.R4, facts.subject("job " + jobId + " of facility " + facts.facilityId),
                        phone.outcome() == PhoneOutcome.DENIED ? "the call centre was told there is no such job"
                                : "the call centre could not reach the person",
                        Evidences.of(message, "phone check: " + phone.outcome()));
            }
        });
    }

    /** Raises an alert of an event-driven rule, and remembers it: only such an alert is ever cleared by an event. */
    private void signal(FacilityFacts facts, String alertId, AlertRule rule, rasad.kernel.alerts.AlertSubject subject,
                        String explanation, List<rasad.kernel.alerts.Evidence> evidence) {
        alerts.raise(alertId, rule, parameters(facts), subject, explanation, evidence);
        if (facts.raised.add(alertId)) {
            state.save(FacilityFacts.id(facts.facilityId), facts);
        }
    }

    private void signalEnded(FacilityFacts facts, String alertId, AlertRule rule, String explanation,
                             List<rasad.kernel.alerts.Evidence> evidence) {
        if (facts.raised.remove(alertId)) {
            state.save(FacilityFacts.id(facts.facilityId), facts);
            alerts.clear(alertId, rule, explanation, evidence);
        }
    }

    @EventHandler
    void on(FieldVisitAssigned assigned, EventMessage<?> message) {
        withFacts(assigned.facilityId().value(), facts -> {
            if (facts.assignments.stream().anyMatch(a -> a.sampleId().equals(assigned.sampleId()))) {
                return false;
            }
            facts.assignments.add(new FacilityFacts.Assignment(assigned.sampleId(), assigned.dueOn(), message.getTimestamp()));
            checks.schedule(startOf(assigned.dueOn().plusDays(1)), VISIT_DUE, FacilityFacts.id(facts.facilityId),
                    assigned.sampleId());
            return true;
        });
    }

    @EventHandler
    void on(FieldVisitRecorded visit, EventMessage<?> message,
            @MetaDataValue(AuditMetaData.IMPORTED_FROM) String importedFrom) {
        String facilityId = visit.facilityId().value();
        FacilityFacts facts = facts(facilityId).orElse(null);
        if (facts == null) {
            return;
        }
        if (facts.visits.stream().noneMatch(v -> v.visitId().equals(visit.visitId()))) {
            facts.visits.add(new FacilityFacts.Visit(visit.visitId(), message.getTimestamp()));
            state.save(FacilityFacts.id(facilityId), facts);
        }
        RuleParameters rules = parameters(facts);
        alerts.clear(AlertIds.of(AlertRule.R7, facilityId, "overdue"), AlertRule.R7, "the facility was visited",
                Evidences.of(message, "visit " + visit.visitId()));
        findings(facts, visit, message, rules);
        if (facts.workplaceLatitude != null) {
            double metres = visit.location().metresTo(new rasad.kernel.place.GeoPoint(facts.workplaceLatitude,
                    facts.workplaceLongitude));
            String alertId = AlertIds.of(AlertRule.R7, facilityId, "far");
            if (metres > rules.maxVisitDistanceMetres()) {
                signal(facts, alertId, AlertRule.R7, facts.subject("facility " + facilityId),
                        String.format("the visit was recorded %,.0f m from the registered workplace (at most %,.0f m)",
                                metres, rules.maxVisitDistanceMetres()),
                        Evidences.of(message, "visit " + visit.visitId() + " at " + visit.location()));
            } else {
                signalEnded(facts, alertId, AlertRule.R7, "a later visit was recorded at the workplace",
                        Evidences.of(message, "visit " + visit.visitId()));
            }
        }
        Duration delay = Duration.between(visit.deviceTime(), message.getTimestamp());
        if (importedFrom == null && delay.compareTo(rules.maxUploadDelay()) > 0) {
            alerts.raise(AlertIds.of(AlertRule.R7, facilityId, "late", visit.visitId()), AlertRule.R7, rules,
                    facts.subject("facility " + facilityId), "the visit reached Rasad " + delay.toDays() + " days after "
                            + "the device recorded it (at most " + rules.maxUploadDelay().toDays() + ")",
                    Evidences.of(message, "visit " + visit.visitId() + " made at " + visit.deviceTime()));
        }
    }

    /** R5: what the inspector found. A later visit that finds everything in order clears it. */
    private void findings(FacilityFacts facts, FieldVisitRecorded visit, EventMessage<?> message, RuleParameters rules) {
        List<String> found = new ArrayList<>();
        if (!visit.businessOperating()) {
            found.add("the business was closed");
        }
        List<String> unseen = visit.jobsSeen().entrySet().stream().filter(seen -> !Boolean.TRUE.equals(seen.getValue()))
                .map(Map.Entry::getKey).sorted().toList();
        if (!unseen.isEmpty()) {
            found.add("claimed jobs not seen: " + String.join(", ", unseen));
        }
        if (!visit.moneyUsedAsPlanned()) {
            found.add("the money was not used as planned");
        }
        String alertId = AlertIds.of(AlertRule.R5, facts.facilityId);
        if (found.isEmpty()) {
            signalEnded(facts, alertId, AlertRule.R5, "a later visit found the business operating as planned",
                    Evidences.of(message, "visit " + visit.visitId() + ": in order"));
        } else {
            signal(facts, alertId, AlertRule.R5, facts.subject("facility " + facts.facilityId),
                    "the field visit found that " + String.join("; ", found),
                    Evidences.of(message, "visit " + visit.visitId() + ": " + String.join("; ", found)));
        }
    }

    TimeRule<FacilityFacts> noJob() {
        return new TimeRule<>(FacilityFacts.class, on -> !on.state().closed && on.state().jobs.isEmpty(),
                on -> alerts.raise(AlertIds.of(AlertRule.R1, on.state().facilityId), AlertRule.R1, parameters(on.state()),
                        on.state().subject("facility " + on.state().facilityId), "no job registered "
                                + parameters(on.state()).noJobWithin().toDays() + " days after the first disbursement on "
                                + on.state().firstPaidOn, List.of()),
                on -> alerts.clear(AlertIds.of(AlertRule.R1, on.state().facilityId), AlertRule.R1,
                        "a first job was registered", List.of()));
    }

    TimeRule<FacilityFacts> jobsDue() {
        return new TimeRule<>(FacilityFacts.class, on -> !on.state().closed && on.state().jobs.size() < on.state().committedJobs,
                on -> alerts.raise(AlertIds.of(AlertRule.R2, on.state().facilityId), AlertRule.R2, parameters(on.state()),
                        on.state().subject("facility " + on.state().facilityId), on.state().jobs.size() + " of "
                                + on.state().committedJobs + " committed jobs registered "
                                + parameters(on.state()).jobsDueWithin().toDays() + " days after the first disbursement on "
                                + on.state().firstPaidOn, List.of()),
                on -> alerts.clear(AlertIds.of(AlertRule.R2, on.state().facilityId), AlertRule.R2,
                        "the facility now claims its committed jobs", List.of()));
    }

    /** A visit counts for an assignment when Rasad recorded it after the assignment. */
    TimeRule<FacilityFacts> visitDue() {
        return new TimeRule<>(FacilityFacts.class, on -> !on.state().closed && on.state().assignments.stream()
                        .filter(a -> a.sampleId().equals(on.check().detail()))
                        .anyMatch(a -> on.state().visits.stream().noneMatch(v -> !v.recordedAt().isBefore(a.assignedAt()))),
                on -> alerts.raise(AlertIds.of(AlertRule.R7, on.state().facilityId, "overdue"), AlertRule.R7,
                        parameters(on.state()), on.state().subject("facility " + on.state().facilityId),
                        "the field visit assigned in " + on.check().detail() + " was not made by its due date", List.of()),
                on -> alerts.clear(AlertIds.of(AlertRule.R7, on.state().facilityId, "overdue"), AlertRule.R7,
                        "the facility was visited", List.of()));
    }

    private java.util.Optional<FacilityFacts> facts(String facilityId) {
        return state.load(FacilityFacts.id(facilityId), FacilityFacts.class);
    }

    private void withFacts(String facilityId, java.util.function.Predicate<FacilityFacts> change) {
        facts(facilityId).ifPresent(facts -> {
            if (change.test(facts)) {
                state.save(FacilityFacts.id(facilityId), facts);
            }
        });
    }

    private RuleParameters parameters(FacilityFacts facts) {
        return settings.forProgramme(facts.programme);
    }

    private static String seasonalId(String facilityId, String jobId) {
        return AlertIds.of(AlertRule.R9, facilityId, jobId, "seasonal");
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(TEHRAN).toInstant();
    }
}
