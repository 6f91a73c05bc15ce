package rasad.command.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import rasad.kernel.alerts.AlertIds;
import rasad.kernel.alerts.AlertRule;
import rasad.kernel.facility.FacilityClosed;
import rasad.kernel.facility.FacilityGranted;
import rasad.kernel.facility.TrancheDisbursed;
import rasad.kernel.facility.TrancheRefused;

/**
 * The rules about a facility's money and time (R1, R2, R10): what the rules know of its grant and payments, the
 * clocks the first payment starts, and payments reported beyond the grant. Rules about its jobs are in
 * {@link JobRules}, about its field visits in {@link VisitRules}.
 */
@Component
@ProcessingGroup(MonitoringProcessor.NAME)
@Order(2)
class FacilityRules {

    static final String NO_JOB = "R1";
    static final String JOBS_DUE = "R2";
    static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");

    private final FacilityWatch facilities;
    private final RuleChecks checks;

    FacilityRules(FacilityWatch facilities, RuleChecks checks) {
        this.facilities = facilities;
        this.checks = checks;
    }

    @EventHandler
    void on(FacilityGranted granted) {
        if (facilities.facts(granted.facilityId().value()).isPresent()) {
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
        facilities.save(facts);
    }

    /** The first payment starts the clocks of R1 (a first job) and R2 (all committed jobs). */
    @EventHandler
    void on(TrancheDisbursed paid) {
        facilities.withFacts(paid.facilityId().value(), facts -> {
            if (facts.tranche(paid.trancheId().value()).isPresent()) {
                return false;
            }
            facts.tranches.add(new FacilityFacts.Tranche(paid.trancheId().value(), paid.paidOn()));
            if (facts.firstPaidOn == null) {
                facts.firstPaidOn = paid.paidOn();
                String stateId = FacilityFacts.id(facts.facilityId);
                // each clock keeps the period it started with: a later change of the period applies to later clocks
                long noJobDays =
                        facilities.parameters(facts, AlertRule.R1).noJobWithin().toDays();
                long jobsDueDays = facilities
                        .parameters(facts, AlertRule.R2)
                        .jobsDueWithin()
                        .toDays();
                checks.schedule(startOf(paid.paidOn().plusDays(noJobDays)), NO_JOB, stateId, "P" + noJobDays + "D");
                checks.schedule(
                        startOf(paid.paidOn().plusDays(jobsDueDays)), JOBS_DUE, stateId, "P" + jobsDueDays + "D");
            }
            return true;
        });
    }

    @EventHandler
    void on(TrancheRefused refused, EventMessage<?> message) {
        facilities
                .facts(refused.facilityId().value())
                .ifPresent(facts -> facilities
                        .alerts()
                        .raise(
                                AlertIds.of(AlertRule.R10, facts.facilityId),
                                AlertRule.R10,
                                facilities.parameters(facts, AlertRule.R10),
                                facts.subject("facility " + facts.facilityId),
                                String.format(
                                        Locale.ROOT,
                                        "the bank reported paying %,d rials on %s, which would take the facility to %,d rials against "
                                                + "a grant of %,d rials",
                                        refused.amount().amount(),
                                        refused.paidOn(),
                                        refused.paidSoFar().amount()
                                                + refused.amount().amount(),
                                        refused.granted().amount()),
                                Evidences.of(
                                        message, "tranche " + refused.trancheId() + " refused: beyond the grant")));
    }

    @EventHandler
    void on(FacilityClosed closed) {
        facilities.withFacts(closed.facilityId().value(), facts -> {
            facts.closed = true;
            return true;
        });
    }

    TimeRule<FacilityFacts> noJob() {
        return new TimeRule<>(
                FacilityFacts.class,
                on -> !on.state().closed && on.state().jobs.isEmpty(),
                on -> facilities
                        .alerts()
                        .raise(
                                AlertIds.of(AlertRule.R1, on.state().facilityId),
                                AlertRule.R1,
                                facilities.parameters(on.state(), AlertRule.R1),
                                on.state().subject("facility " + on.state().facilityId),
                                "no job registered "
                                        + days(
                                                on,
                                                facilities
                                                        .parameters(on.state(), AlertRule.R1)
                                                        .noJobWithin())
                                        + " days after the first disbursement on "
                                        + on.state().firstPaidOn,
                                List.of()),
                on -> facilities
                        .alerts()
                        .clear(
                                AlertIds.of(AlertRule.R1, on.state().facilityId),
                                AlertRule.R1,
                                "a first job was registered",
                                List.of()));
    }

    TimeRule<FacilityFacts> jobsDue() {
        return new TimeRule<>(
                FacilityFacts.class,
                on -> !on.state().closed && on.state().jobs.size() < on.state().committedJobs,
                on -> facilities
                        .alerts()
                        .raise(
                                AlertIds.of(AlertRule.R2, on.state().facilityId),
                                AlertRule.R2,
                                facilities.parameters(on.state(), AlertRule.R2),
                                on.state().subject("facility " + on.state().facilityId),
                                on.state().jobs.size() + " of "
                                        + on.state().committedJobs + " committed jobs registered "
                                        + days(
                                                on,
                                                facilities
                                                        .parameters(on.state(), AlertRule.R2)
                                                        .jobsDueWithin())
                                        + " days after the first disbursement on "
                                        + on.state().firstPaidOn,
                                List.of()),
                on -> facilities
                        .alerts()
                        .clear(
                                AlertIds.of(AlertRule.R2, on.state().facilityId),
                                AlertRule.R2,
                                "the facility now claims its committed jobs",
                                List.of()));
    }

    /** The period the check's clock started with (checks scheduled before periods were recorded: today's). */
    private static long days(TimeRule.RuleCheckOn<FacilityFacts> on, Duration current) {
        String started = on.check().detail();
        return started == null ? current.toDays() : Duration.parse(started).toDays();
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(TEHRAN).toInstant();
    }
}
