package rasad.command.job;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.job.CorrectJob;
import rasad.kernel.job.EndJob;
import rasad.kernel.job.FollowUpDue;
import rasad.kernel.job.FollowUpMissed;
import rasad.kernel.job.FollowUpRequested;
import rasad.kernel.job.JobClaimRefused;
import rasad.kernel.job.JobCorrected;
import rasad.kernel.job.JobEnded;
import rasad.kernel.job.JobId;
import rasad.kernel.job.JobRegistered;
import rasad.kernel.job.RegisterJob;
import rasad.kernel.people.NationalId;
import rasad.kernel.validation.RuleViolation;

class EmploymentTest {

    private static final NationalId REZA = NationalId.of("0084575948");

    private FixtureConfiguration<Employment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Employment.class);
        fixture.registerInjectableResource(
                new FollowUpPolicy(List.of(Duration.ofDays(182), Duration.ofDays(365)), Duration.ofDays(30)));
    }

    private static RegisterJob job(String jobId, String facility) {
        return new RegisterJob(
                REZA,
                JobId.of(jobId),
                FacilityId.of(facility),
                "carpet weaver",
                LocalDate.of(2025, 6, 1),
                true,
                0,
                null);
    }

    @Test
    void a_person_with_no_active_job_is_counted_and_follow_ups_are_scheduled_at_both_horizons() {
        fixture.givenNoPriorActivity()
                .when(job("j-1", "f-1"))
                .expectEvents(JobRegistered.from(job("j-1", "f-1")))
                .expectScheduledDeadline(
                        LocalDate.of(2025, 6, 1)
                                .atStartOfDay()
                                .toInstant(ZoneOffset.UTC)
                                .plus(Duration.ofDays(182)),
                        new FollowUpDue(JobId.of("j-1"), "PT4368H"))
                .expectScheduledDeadline(
                        LocalDate.of(2025, 6, 1)
                                .atStartOfDay()
                                .toInstant(ZoneOffset.UTC)
                                .plus(Duration.ofDays(365)),
                        new FollowUpDue(JobId.of("j-1"), "PT8760H"));
    }

    @Test
    void at_the_horizon_an_active_job_is_followed_up_and_a_silent_agency_misses_it() {
        Instant horizon = LocalDate.of(2025, 6, 1)
                .atStartOfDay()
                .toInstant(ZoneOffset.UTC)
                .plus(Duration.ofDays(182));
        fixture.givenCurrentTime(LocalDate.of(2025, 6, 1).atStartOfDay().toInstant(ZoneOffset.UTC))
                .andGivenCommands(job("j-1", "f-1"))
                .whenThenTimeAdvancesTo(horizon.plusSeconds(1))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        org.hamcrest.Matchers.instanceOf(FollowUpRequested.class), Matchers.andNoMore())));
    }

    @Test
    void an_agency_that_does_not_answer_by_the_due_date_misses_the_follow_up() {
        Instant horizon = LocalDate.of(2025, 6, 1)
                .atStartOfDay()
                .toInstant(ZoneOffset.UTC)
                .plus(Duration.ofDays(182));
        fixture.givenCurrentTime(LocalDate.of(2025, 6, 1).atStartOfDay().toInstant(ZoneOffset.UTC))
                .andGivenCommands(job("j-1", "f-1"))
                .whenThenTimeAdvancesTo(horizon.plus(Duration.ofDays(31)))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        org.hamcrest.Matchers.instanceOf(FollowUpRequested.class),
                        org.hamcrest.Matchers.instanceOf(FollowUpMissed.class),
                        Matchers.andNoMore())));
    }

    @Test
    void a_person_already_counted_under_another_facility_is_refused_naming_that_facility_and_the_attempt_is_kept() {
        JobClaimRefused refusal =
                new JobClaimRefused(REZA, JobId.of("j-2"), FacilityId.of("f-2"), FacilityId.of("f-1"), JobId.of("j-1"));
        fixture.given(JobRegistered.from(job("j-1", "f-1")))
                .when(job("j-2", "f-2"))
                .expectResultMessagePayload(
                        new JobClaim.RefusedAlreadyCounted(REZA, FacilityId.of("f-1"), JobId.of("j-1")))
                .expectEvents(refusal);
    }

    @Test
    void the_same_refused_claim_retried_is_refused_again_and_kept_once() {
        fixture.given(
                        JobRegistered.from(job("j-1", "f-1")),
                        new JobClaimRefused(
                                REZA, JobId.of("j-2"), FacilityId.of("f-2"), FacilityId.of("f-1"), JobId.of("j-1")))
                .when(job("j-2", "f-2"))
                .expectResultMessagePayloadMatching(
                        org.hamcrest.Matchers.instanceOf(JobClaim.RefusedAlreadyCounted.class))
                .expectNoEvents();
    }

    @Test
    void the_same_registration_retried_records_nothing() {
        fixture.given(JobRegistered.from(job("j-1", "f-1")))
                .when(job("j-1", "f-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void once_the_job_ended_the_person_may_be_counted_again() {
        fixture.given(
                        JobRegistered.from(job("j-1", "f-1")),
                        new JobEnded(
                                REZA,
                                JobId.of("j-1"),
                                FacilityId.of("f-1"),
                                LocalDate.of(2025, 12, 1),
                                "workshop moved"))
                .when(job("j-2", "f-2"))
                .expectEvents(JobRegistered.from(job("j-2", "f-2")));
    }

    @Test
    void a_correction_restates_the_job_with_its_reason_and_an_unchanged_one_records_nothing() {
        fixture.given(JobRegistered.from(job("j-1", "f-1")))
                .when(new CorrectJob(
                        REZA,
                        JobId.of("j-1"),
                        "carpet weaver",
                        LocalDate.of(2025, 6, 1),
                        false,
                        4,
                        "seasonal work, four months a year"))
                .expectEvents(new JobCorrected(
                        REZA,
                        JobId.of("j-1"),
                        FacilityId.of("f-1"),
                        "carpet weaver",
                        LocalDate.of(2025, 6, 1),
                        false,
                        4,
                        "seasonal work, four months a year"));
        fixture.given(JobRegistered.from(job("j-1", "f-1")))
                .when(new CorrectJob(
                        REZA,
                        JobId.of("j-1"),
                        "carpet weaver",
                        LocalDate.of(2025, 6, 1),
                        true,
                        0,
                        "no change after all"))
                .expectNoEvents();
    }

    @Test
    void a_job_cannot_end_before_it_started_and_ends_only_once() {
        fixture.given(JobRegistered.from(job("j-1", "f-1")))
                .when(new EndJob(REZA, JobId.of("j-1"), LocalDate.of(2025, 5, 1), null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
        fixture.given(
                        JobRegistered.from(job("j-1", "f-1")),
                        new JobEnded(REZA, JobId.of("j-1"), FacilityId.of("f-1"), LocalDate.of(2025, 12, 1), null))
                .when(new EndJob(REZA, JobId.of("j-1"), LocalDate.of(2026, 1, 1), null))
                .expectNoEvents();
    }
}
