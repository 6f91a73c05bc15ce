package rasad.kernel.verification;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import rasad.kernel.validation.InvalidValueException;

/** Records a stage-2 call: accepted only once stage 1 passed; re-doing a failed call needs a reason. */
public record RecordPhoneCheck(
        @TargetAggregateIdentifier JobVerificationId id,
        PhoneOutcome outcome,
        Instant at,
        String caller,
        String notes,
        String reason) {

    public RecordPhoneCheck {
        InvalidValueException.required(id, "verification");
        InvalidValueException.required(outcome, "outcome");
        InvalidValueException.required(at, "time");
        caller = InvalidValueException.requiredText(caller, "caller").strip();
        notes = notes == null || notes.isBlank() ? null : notes.strip();
        reason = reason == null || reason.isBlank() ? null : reason.strip();
    }
}
