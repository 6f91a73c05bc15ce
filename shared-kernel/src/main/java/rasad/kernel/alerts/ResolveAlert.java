package rasad.kernel.alerts;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import rasad.kernel.validation.InvalidValueException;

/** A manager's conclusion, always with a reason. */
public record ResolveAlert(@TargetAggregateIdentifier String alertId, AlertResolution resolution, String reason) {

    public ResolveAlert {
        AlertIds.check(alertId);
        InvalidValueException.required(resolution, "resolution");
        reason = InvalidValueException.requiredText(reason, "reason").strip();
    }
}
