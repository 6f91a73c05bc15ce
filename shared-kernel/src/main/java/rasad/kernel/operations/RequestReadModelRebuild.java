package rasad.kernel.operations;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import rasad.kernel.validation.InvalidValueException;

/**
 * An admin asks the query side to rebuild a read model from the first event. The same id again records nothing;
 * the same id for another read model is refused.
 */
public record RequestReadModelRebuild(
        @TargetAggregateIdentifier RebuildId rebuildId, String readModel, String reason) {

    public RequestReadModelRebuild {
        InvalidValueException.required(rebuildId, "rebuild id");
        ReadModelName.check(readModel);
        reason = OperatorActionId.reason(reason);
    }
}
