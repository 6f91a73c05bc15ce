package rasad.kernel.diversion;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import rasad.kernel.validation.InvalidValueException;

/** A manager decides a finding: confirmed (the loan's recall is requested) or dismissed. Always with a reason. */
public record DecideDiversionFinding(
        @TargetAggregateIdentifier String findingId, boolean confirmed, String reason) {

    public DecideDiversionFinding {
        InvalidValueException.requiredText(findingId, "finding");
        reason = InvalidValueException.requiredText(reason, "reason").strip();
    }
}
