package rasad.kernel.alerts;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import rasad.kernel.validation.InvalidValueException;

/** A rule asks for an alert; while the same condition is open, asking again records nothing. */
public record RaiseAlert(
        @TargetAggregateIdentifier String alertId,
        AlertRule rule,
        Severity severity,
        AlertSubject subject,
        String explanation,
        List<Evidence> evidence) {

    public RaiseAlert {
        AlertIds.check(alertId);
        InvalidValueException.required(rule, "rule");
        InvalidValueException.required(severity, "severity");
        InvalidValueException.required(subject, "subject");
        explanation =
                InvalidValueException.requiredText(explanation, "explanation").strip();
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
