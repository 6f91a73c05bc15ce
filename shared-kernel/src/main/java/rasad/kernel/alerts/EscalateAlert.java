package rasad.kernel.alerts;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import rasad.kernel.validation.InvalidValueException;

/** A manager passes the alert up (to the committee, the bank's head office, the inspectorate), with a reason. */
public record EscalateAlert(@TargetAggregateIdentifier String alertId, String escalateTo, String reason) {

    public EscalateAlert {
        AlertIds.check(alertId);
        escalateTo =
                InvalidValueException.requiredText(escalateTo, "escalate to").strip();
        reason = InvalidValueException.requiredText(reason, "reason").strip();
    }
}
