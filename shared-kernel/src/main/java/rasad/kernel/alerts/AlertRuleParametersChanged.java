package rasad.kernel.alerts;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.axonframework.serialization.Revision;

/**
 * An admin changed an alert rule: the parameters named (by {@link AlertRuleParameter#key()}, with canonical values),
 * the severity and whether it runs (each null when left as it was), for every programme ({@code programme} null)
 * or for one, and why. The rules apply it when they reach it in the store's order, so that a replay of the rules
 * decides as the first run did. Revision 1.
 */
@Revision("1")
public record AlertRuleParametersChanged(
        ParameterChangeId changeId,
        AlertRule rule,
        String programme,
        Map<String, Object> parameters,
        Severity severity,
        Boolean enabled,
        String reason) {

    public AlertRuleParametersChanged {
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(parameters));
    }

    /** The same change, whatever its reason says: the first reason given for a change id stands. */
    public boolean sameChangeAs(AlertRuleParametersChanged other) {
        return changeId.equals(other.changeId)
                && rule == other.rule
                && Objects.equals(programme, other.programme)
                && parameters.equals(other.parameters)
                && severity == other.severity
                && Objects.equals(enabled, other.enabled);
    }
}
