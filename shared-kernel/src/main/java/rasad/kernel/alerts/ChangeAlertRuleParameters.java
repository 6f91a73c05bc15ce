package rasad.kernel.alerts;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import rasad.kernel.operations.OperatorActionId;
import rasad.kernel.referencedata.ReferenceCode;
import rasad.kernel.validation.InvalidValueException;

/**
 * An admin changes what a rule looks for: some of its parameters, its severity, or whether it runs, for every
 * programme ({@code programme} null) or for one. Values are checked and made canonical here (see
 * {@link AlertRuleParameter#canonical(Object)}), so that a retry with the same content is recognised as such.
 */
public record ChangeAlertRuleParameters(
        @TargetAggregateIdentifier ParameterChangeId changeId,
        AlertRule rule,
        String programme,
        Map<String, Object> parameters,
        Severity severity,
        Boolean enabled,
        String reason) {

    public ChangeAlertRuleParameters {
        InvalidValueException.required(changeId, "change id");
        InvalidValueException.required(rule, "rule");
        if (programme != null) {
            programme = ReferenceCode.checkCode(programme, "programme");
        }
        Map<String, Object> canonical = new TreeMap<>();
        if (parameters != null) {
            for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
                canonical.put(
                        parameter.getKey(),
                        AlertRuleParameter.named(rule, parameter.getKey()).canonical(parameter.getValue()));
            }
        }
        parameters = Collections.unmodifiableMap(canonical);
        if (parameters.isEmpty() && severity == null && enabled == null) {
            throw new InvalidValueException(
                    "NOTHING_TO_CHANGE",
                    "a change sets at least one parameter, the severity, or whether the rule is enabled");
        }
        reason = OperatorActionId.reason(reason);
    }

    /** The change as recorded. */
    public AlertRuleParametersChanged changed() {
        return new AlertRuleParametersChanged(changeId, rule, programme, parameters, severity, enabled, reason);
    }
}
