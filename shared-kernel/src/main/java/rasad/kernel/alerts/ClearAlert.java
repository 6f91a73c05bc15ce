package rasad.kernel.alerts;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import rasad.kernel.validation.InvalidValueException;

/** A rule saw its condition end; an alert never raised, or cleared already, records nothing. */
public record ClearAlert(@TargetAggregateIdentifier String alertId, String explanation, List<Evidence> evidence) {

    public ClearAlert {
        AlertIds.check(alertId);
        explanation =
                InvalidValueException.requiredText(explanation, "explanation").strip();
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
