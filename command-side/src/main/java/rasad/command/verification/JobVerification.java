package rasad.command.verification;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import rasad.kernel.validation.RuleViolation;
import rasad.kernel.verification.PhoneCheckRecorded;
import rasad.kernel.verification.PhoneOutcome;
import rasad.kernel.verification.RecordPhoneCheck;
import rasad.kernel.verification.RecordSmsCheck;
import rasad.kernel.verification.SmsCheckRecorded;
import rasad.kernel.verification.SmsOutcome;

/**
 * The first two verification stages of one claimed job: the SMS check, then the call centre's phone check.
 * A stage is accepted only after the previous one passed; a passed stage stays passed; a failed one may be
 * re-done, with a reason. Every outcome is an event, so the history of attempts is kept.
 */
@Aggregate
public class JobVerification {

    static final String SMS_UNANSWERED = "sms-check-unanswered";

    @AggregateIdentifier
    private String id;

    private SmsCheckRecorded sms;
    private PhoneCheckRecorded phone;

    protected JobVerification() {
        // for Axon: rebuilt from its events
    }

    /**
     * A text sent and not answered within the configured days is a failed check by itself: the deadline
     * records NO_ANSWER unless an answer came first.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public SmsOutcome handle(RecordSmsCheck command, DeadlineManager deadlines, VerificationPolicy policy) {
        if (sms != null && sms.outcome() == command.outcome() && sms.at().equals(command.at())) {
            return sms.outcome(); // the same outcome, retried
        }
        if (sms != null && sms.outcome().passed()) {
            throw new RuleViolation("STAGE_ALREADY_PASSED", "the SMS check of " + command.id() + " passed already");
        }
        if (sms != null && sms.outcome().failed() && command.reason() == null) {
            throw new RuleViolation(
                    "REDO_WITHOUT_REASON",
                    "the SMS check of " + command.id() + " failed (" + sms.outcome() + "); re-doing it needs a reason");
        }
        apply(new SmsCheckRecorded(command.id(), command.outcome(), command.at(), command.reason()));
        if (command.outcome() == SmsOutcome.SENT) {
            deadlines.schedule(command.at().plus(policy.smsAnswerWithin()), SMS_UNANSWERED, command.at());
        }
        return command.outcome();
    }

    @DeadlineHandler(deadlineName = SMS_UNANSWERED)
    void smsUnanswered(Instant sentAt, @Timestamp Instant deadline) {
        if (sms != null && sms.outcome() == SmsOutcome.SENT && sms.at().equals(sentAt)) {
            apply(new SmsCheckRecorded(
                    sms.id(), SmsOutcome.NO_ANSWER, deadline, "no answer to the text sent at " + sentAt));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public PhoneOutcome handle(RecordPhoneCheck command) {
        if (sms == null || !sms.outcome().passed()) {
            throw new RuleViolation(
                    "SMS_CHECK_NOT_PASSED",
                    "the phone check of " + command.id() + " comes after a confirmed SMS check");
        }
        if (phone != null && phone.outcome() == command.outcome() && phone.at().equals(command.at())) {
            return phone.outcome();
        }
        if (phone != null && phone.outcome().passed()) {
            throw new RuleViolation("STAGE_ALREADY_PASSED", "the phone check of " + command.id() + " passed already");
        }
        if (phone != null && command.reason() == null) {
            throw new RuleViolation(
                    "REDO_WITHOUT_REASON",
                    "the phone check of " + command.id() + " failed (" + phone.outcome()
                            + "); re-doing it needs a reason");
        }
        apply(new PhoneCheckRecorded(
                command.id(), command.outcome(), command.at(), command.caller(), command.notes(), command.reason()));
        return command.outcome();
    }

    @EventSourcingHandler
    void on(SmsCheckRecorded event) {
        id = event.id().toString();
        sms = event;
    }

    @EventSourcingHandler
    void on(PhoneCheckRecorded event) {
        phone = event;
    }
}
