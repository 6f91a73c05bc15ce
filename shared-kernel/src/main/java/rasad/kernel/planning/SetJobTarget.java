package rasad.kernel.planning;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import rasad.kernel.validation.InvalidValueException;

/**
 * The committee sets how many jobs a scope commits to create in a fiscal year (تعهد اشتغال). Setting it again
 * to another number is a revision, which needs a reason.
 */
public record SetJobTarget(@TargetAggregateIdentifier JobTargetId id, int jobs, String reason) {

    public SetJobTarget {
        InvalidValueException.required(id, "target");
        if (jobs < 1) {
            throw new InvalidValueException("TARGET_BELOW_ONE", "a job target is at least one job");
        }
        reason = reason == null || reason.isBlank() ? null : reason.strip();
    }
}
