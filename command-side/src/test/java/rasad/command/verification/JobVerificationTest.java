package rasad.command.verification;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.job.JobId;
import rasad.kernel.validation.RuleViolation;
import rasad.kernel.verification.JobVerificationId;
import rasad.kernel.verification.PhoneCheckRecorded;
import rasad.kernel.verification.PhoneOutcome;
import rasad.kernel.verification.RecordPhoneCheck;
import rasad.kernel.verification.RecordSmsCheck;
import rasad.kernel.verification.SmsCheckRecorded;
import rasad.kernel.verification.SmsOutcome;

class JobVerificationTest {

    private static final JobVerificationId ID = new JobVerificationId(FacilityId.of("f-1"), JobId.of("j-1"));
    private static final Instant T1 = Instant.parse("2025-06-10T08:00:00Z");
    private static final Instant T2 = Instant.parse("2025-06-12T08:00:00Z");

    private FixtureConfiguration<JobVerification> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(JobVerification.class);
        fixture.registerInjectableResource(new VerificationPolicy(Duration.ofDays(7)));
    }

    @Test
    void a_text_not_answered_within_the_configured_days_is_recorded_as_no_answer() {
        fixture.givenCurrentTime(T1)
                .andGivenCommands(new RecordSmsCheck(ID, SmsOutcome.SENT, T1, null))
                .whenThenTimeElapses(Duration.ofDays(8))
                .expectEvents(new SmsCheckRecorded(
                        ID, SmsOutcome.NO_ANSWER, T1.plus(Duration.ofDays(7)), "no answer to the text sent at " + T1));
    }

    @Test
    void an_answer_before_the_deadline_stops_it() {
        fixture.givenCurrentTime(T1)
                .andGivenCommands(
                        new RecordSmsCheck(ID, SmsOutcome.SENT, T1, null),
                        new RecordSmsCheck(ID, SmsOutcome.CONFIRMED, T2, null))
                .whenThenTimeElapses(Duration.ofDays(8))
                .expectNoEvents();
    }

    @Test
    void an_sms_confirmation_passes_stage_one() {
        fixture.givenNoPriorActivity()
                .when(new RecordSmsCheck(ID, SmsOutcome.CONFIRMED, T1, null))
                .expectEvents(new SmsCheckRecorded(ID, SmsOutcome.CONFIRMED, T1, null));
    }

    @Test
    void the_phone_check_comes_only_after_a_confirmed_sms() {
        fixture.givenNoPriorActivity()
                .when(new RecordPhoneCheck(ID, PhoneOutcome.CONFIRMED, T2, "caller-7", null, null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
        fixture.given(new SmsCheckRecorded(ID, SmsOutcome.NO_ANSWER, T1, null))
                .when(new RecordPhoneCheck(ID, PhoneOutcome.CONFIRMED, T2, "caller-7", null, null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
        fixture.given(new SmsCheckRecorded(ID, SmsOutcome.CONFIRMED, T1, null))
                .when(new RecordPhoneCheck(ID, PhoneOutcome.CONFIRMED, T2, "caller-7", "works in the bakery", null))
                .expectEvents(new PhoneCheckRecorded(
                        ID, PhoneOutcome.CONFIRMED, T2, "caller-7", "works in the bakery", null));
    }

    @Test
    void a_failed_stage_is_redone_only_with_a_reason() {
        fixture.given(new SmsCheckRecorded(ID, SmsOutcome.NO_ANSWER, T1, null))
                .when(new RecordSmsCheck(ID, SmsOutcome.CONFIRMED, T2, null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
        fixture.given(new SmsCheckRecorded(ID, SmsOutcome.NO_ANSWER, T1, null))
                .when(new RecordSmsCheck(ID, SmsOutcome.CONFIRMED, T2, "resent to the new number"))
                .expectEvents(new SmsCheckRecorded(ID, SmsOutcome.CONFIRMED, T2, "resent to the new number"));
    }

    @Test
    void a_passed_stage_stays_passed_and_a_retry_records_nothing() {
        fixture.given(new SmsCheckRecorded(ID, SmsOutcome.CONFIRMED, T1, null))
                .when(new RecordSmsCheck(ID, SmsOutcome.DENIED, T2, "second thoughts"))
                .expectException(RuleViolation.class)
                .expectNoEvents();
        fixture.given(new SmsCheckRecorded(ID, SmsOutcome.CONFIRMED, T1, null))
                .when(new RecordSmsCheck(ID, SmsOutcome.CONFIRMED, T1, null))
                .expectNoEvents();
    }
}
