package rasad.command.monitoring;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import rasad.kernel.alerts.AlertIds;
import rasad.kernel.alerts.AlertRule;
import rasad.kernel.job.FollowUpOutcome;
import rasad.kernel.job.FollowUpRecorded;
import rasad.kernel.job.JobClaimRefused;
import rasad.kernel.job.JobCorrected;
import rasad.kernel.job.JobEnded;
import rasad.kernel.job.JobRegistered;
import rasad.kernel.verification.PhoneCheckRecorded;
import rasad.kernel.verification.PhoneOutcome;
import rasad.kernel.verification.SmsCheckRecorded;

/**
 * The rules about the jobs a facility claims (R3, R4, R6, R9), and the first job and the committed jobs that
 * end R1 and R2.
 */
@Component
@ProcessingGroup(MonitoringProcessor.NAME)
@Order(3)
class JobRules {

    private final FacilityWatch facilities;

    JobRules(FacilityWatch facilities) {
        this.facilities = facilities;
    }

    @EventHandler
    void on(JobRegistered registered, EventMessage<?> message) {
        String facilityId = registered.facilityId().value();
        FacilityFacts facts = facilities.facts(facilityId).orElse(null);
        if (facts == null || facts.job(registered.jobId().value()).isPresent()) {
            return;
        }
        facts.jobs.add(new FacilityFacts.Job(registered.jobId().value(), registered.startedOn()));
        facilities.save(facts);
        if (facts.jobs.size() == 1) {
            facilities
                    .alerts()
                    .clear(
                            AlertIds.of(AlertRule.R1, facilityId),
                            AlertRule.R1,
                            "a first job was registered",
                            Evidences.of(message, "job " + registered.jobId() + " registered"));
        }
        if (facts.jobs.size() >= facts.committedJobs) {
            facilities
                    .alerts()
                    .clear(
                            AlertIds.of(AlertRule.R2, facilityId),
                            AlertRule.R2,
                            "the facility now claims all " + facts.committedJobs + " committed jobs",
                            Evidences.of(message, "job " + registered.jobId() + " registered"));
        }
        if (!facts.smsFailed.isEmpty() || !facts.phoneFailed.isEmpty()) {
            checksFailed(facts, message, "job " + registered.jobId() + " registered");
        }
        RuleParameters ownJob = facilities.parameters(facts, AlertRule.R6);
        if (registered.person().value().equals(facts.beneficiary) && !ownJob.beneficiaryMayBeOwnJob()) {
            facilities
                    .alerts()
                    .raise(
                            AlertIds.of(AlertRule.R6, facilityId, "own-job"),
                            AlertRule.R6,
                            ownJob,
                            facts.subject("facility " + facilityId),
                            "the beneficiary is claimed as the facility's own job, " + "which programme "
                                    + facts.programme + " does not count",
                            Evidences.of(message, "job " + registered.jobId() + " is the beneficiary's"));
        }
        if (registered.seasonalMonths() == 0
                && facilities.parameters(facts, AlertRule.R9).seasonalOccupation(registered.occupation())) {
            facilities.signal(
                    facts,
                    seasonalId(facilityId, registered.jobId().value()),
                    AlertRule.R9,
                    facts.subject("job " + registered.jobId() + " of facility " + facilityId),
                    "a job as " + registered.occupation() + " (seasonal work) is claimed as year-round",
                    Evidences.of(message, "job " + registered.jobId() + " registered with no seasonal months"));
        }
    }

    @EventHandler
    void on(JobCorrected corrected, EventMessage<?> message) {
        facilities.facts(corrected.facilityId().value()).ifPresent(facts -> {
            String alertId = seasonalId(facts.facilityId, corrected.jobId().value());
            if (corrected.seasonalMonths() > 0
                    || !facilities.parameters(facts, AlertRule.R9).seasonalOccupation(corrected.occupation())) {
                facilities.signalEnded(
                        facts,
                        alertId,
                        AlertRule.R9,
                        "the job was corrected",
                        Evidences.of(
                                message,
                                "job " + corrected.jobId() + " corrected: " + corrected.seasonalMonths()
                                        + " seasonal months"));
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
            endedEarly(
                    followUp.facilityId().value(),
                    followUp.jobId().value(),
                    followUp.endedOn() != null
                            ? followUp.endedOn()
                            : LocalDate.ofInstant(message.getTimestamp(), FacilityRules.TEHRAN),
                    message);
        }
    }

    private void endedEarly(String facilityId, String jobId, LocalDate endedOn, EventMessage<?> message) {
        facilities
                .facts(facilityId)
                .ifPresent(facts -> facts.job(jobId).ifPresent(job -> {
                    RuleParameters rules = facilities.parameters(facts, AlertRule.R9);
                    LocalDate horizon = job.startedOn()
                            .plusDays(rules.sustainabilityHorizon().toDays());
                    if (endedOn.isBefore(horizon)) {
                        facilities
                                .alerts()
                                .raise(
                                        AlertIds.of(AlertRule.R9, facilityId, jobId),
                                        AlertRule.R9,
                                        rules,
                                        facts.subject("job " + jobId + " of facility " + facilityId),
                                        "the job started on "
                                                + job.startedOn() + " ended on " + endedOn
                                                + ", before the sustainability horizon ("
                                                + horizon + ")",
                                        Evidences.of(message, "job " + jobId + " ended on " + endedOn));
                    }
                }));
    }

    @EventHandler
    void on(JobClaimRefused refused, EventMessage<?> message) {
        facilities
                .facts(refused.facilityId().value())
                .ifPresent(facts -> facilities
                        .alerts()
                        .raise(
                                AlertIds.of(
                                        AlertRule.R6,
                                        AlertIds.digest(refused.person().value())),
                                AlertRule.R6,
                                facilities.parameters(facts, AlertRule.R6),
                                facts.subject("a person claimed by facilities " + refused.heldBy() + " and "
                                        + refused.facilityId()),
                                "facility " + refused.facilityId() + " claimed as its job " + refused.jobId()
                                        + " a person who holds " + "an active job (" + refused.heldByJob()
                                        + ") under facility " + refused.heldBy(),
                                Evidences.of(
                                        message,
                                        "claim refused: the person's job is counted under " + refused.heldBy())));
    }

    /** R3: a check per job, an alert per facility once enough of its claimed jobs failed the SMS check. */
    @EventHandler
    void on(SmsCheckRecorded sms, EventMessage<?> message) {
        String jobId = sms.id().jobId().value();
        facilities.facts(sms.id().facilityId().value()).ifPresent(facts -> {
            if (sms.outcome().failed()) {
                facts.smsFailed.put(jobId, sms.outcome().name());
            } else if (sms.outcome().passed()) {
                facts.smsFailed.remove(jobId);
            } else {
                return; // SENT: nothing to judge yet
            }
            facilities.save(facts);
            checksFailed(facts, message, "SMS check " + jobId + ": " + sms.outcome());
        });
    }

    /** R4: as R3, for the call centre's phone check. */
    @EventHandler
    void on(PhoneCheckRecorded phone, EventMessage<?> message) {
        String jobId = phone.id().jobId().value();
        facilities.facts(phone.id().facilityId().value()).ifPresent(facts -> {
            if (phone.outcome() == PhoneOutcome.CONFIRMED) {
                facts.phoneFailed.remove(jobId);
            } else {
                facts.phoneFailed.put(jobId, phone.outcome().name());
            }
            facilities.save(facts);
            checksFailed(facts, message, "phone check " + jobId + ": " + phone.outcome());
        });
    }

    /**
     * Raises or clears R3 and R4 on the facility's share of failed checks: a single unanswered text among many
     * confirmed jobs is ordinary (about 30 % of jobs go unconfirmed by phone nationally); most of a facility's
     * claimed jobs failing is not. Called whenever a check or a job changes the share.
     */
    private void checksFailed(FacilityFacts facts, EventMessage<?> message, String summary) {
        share(
                facts,
                AlertRule.R3,
                facts.smsFailed,
                facilities.parameters(facts, AlertRule.R3),
                "the SMS check",
                message,
                summary);
        share(
                facts,
                AlertRule.R4,
                facts.phoneFailed,
                facilities.parameters(facts, AlertRule.R4),
                "the phone check",
                message,
                summary);
    }

    private void share(
            FacilityFacts facts,
            AlertRule rule,
            Map<String, String> failed,
            RuleParameters parameters,
            String check,
            EventMessage<?> message,
            String summary) {
        String alertId = AlertIds.of(rule, facts.facilityId);
        // out of the jobs committed, or claimed if more: a first job failing before the others are registered
        // is not yet "most of the facility's jobs"
        int jobs = Math.max(Math.max(facts.jobs.size(), facts.committedJobs), failed.size());
        double share = parameters.failedChecksShare();
        int atLeast = Math.max(1, parameters.minFailedChecks() == null ? 1 : parameters.minFailedChecks());
        if (failed.size() >= atLeast && failed.size() >= share * jobs) {
            String which = failed.entrySet().stream()
                    .map(job -> job.getKey() + " "
                            + job.getValue().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .collect(Collectors.joining(", "));
            facilities.signal(
                    facts,
                    alertId,
                    rule,
                    facts.subject("facility " + facts.facilityId),
                    failed.size() + " of the facility's " + jobs + " jobs failed " + check + " (" + which + ")",
                    Evidences.of(message, summary));
        } else {
            facilities.signalEnded(
                    facts,
                    alertId,
                    rule,
                    failed.size() + " of the facility's " + jobs + " jobs failed " + check
                            + " now, below what raises it (" + atLeast + " and a share of " + share + ")",
                    Evidences.of(message, summary));
        }
    }

    private static String seasonalId(String facilityId, String jobId) {
        return AlertIds.of(AlertRule.R9, facilityId, jobId, "seasonal");
    }
}
