package rasad.kernel.verification;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import rasad.kernel.validation.InvalidValueException;

/** Records a stage-1 outcome; re-doing a failed check needs a reason. */
public record RecordSmsCheck(
        @TargetAggregateIdentifier JobVerificationId id, SmsOutcome outcome, Instant at, String reason) {

    public RecordSmsCheck {
        InvalidValueException.required(id, "verification");
        InvalidValueException.required(outcome, "outcome");
        InvalidValueException.required(at, "time");
        reason = reason == null || reason.isBlank() ? null : reason.strip();
    }
}
