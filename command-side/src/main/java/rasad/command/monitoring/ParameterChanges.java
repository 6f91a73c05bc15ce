package rasad.command.monitoring;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import rasad.kernel.alerts.AlertRule;
import rasad.kernel.alerts.AlertRuleParametersChanged;
import rasad.kernel.alerts.Severity;

/**
 * Every change admins made to the rules, as the {@value MonitoringProcessor#NAME} processor has read them: per rule,
 * one layer for every programme and one per programme, each holding the parameters changed so far (a later change
 * of a parameter replaces the earlier value, the others stay), the severity, whether the rule runs, and the last
 * change (who, when, why). Kept in the rules' state ({@value RuleSettings#STATE_ID}), so a restart keeps it and a
 * replay of the rules rebuilds it from the events, in the same order.
 */
class ParameterChanges {

    /** {@code R3} for every programme, {@code R3/COOPERATIVE} for one. */
    final Map<String, Layer> layers = new TreeMap<>();

    @JsonIgnore
    private final transient Map<String, RuleParameters> effective = new HashMap<>();

    static class Layer {
        final Map<String, Object> parameters = new TreeMap<>();
        Severity severity;
        Boolean enabled;
        LastChange lastChange;
    }

    /** The latest change of a layer: what it set, who made it, in which role, for whom, why, when, where in the store. */
    record LastChange(
            String changeId,
            Map<String, Object> parameters,
            Severity severity,
            Boolean enabled,
            String reason,
            String actor,
            String actorRole,
            String onBehalfOf,
            Instant at,
            long position) {}

    static String key(AlertRule rule, String programme) {
        return programme == null ? rule.name() : rule.name() + "/" + programme;
    }

    /** Lays the change over its layer; applying the same change again leaves the same layer. */
    void apply(AlertRuleParametersChanged changed, LastChange last) {
        Layer layer = layers.computeIfAbsent(key(changed.rule(), changed.programme()), ignored -> new Layer());
        layer.parameters.putAll(changed.parameters());
        if (changed.severity() != null) {
            layer.severity = changed.severity();
        }
        if (changed.enabled() != null) {
            layer.enabled = changed.enabled();
        }
        layer.lastChange = last;
        effective.clear();
    }

    Layer layer(AlertRule rule, String programme) {
        return layers.get(key(rule, programme));
    }

    /**
     * What the rule uses for a programme: the configured defaults, the changes for every programme, the
     * programme's configuration, the changes for the programme — each laid over the one before. A programme's own
     * setting (configured or changed) therefore outranks a change for every programme, as it outranks the defaults.
     */
    RuleParameters effective(AlertSettings configured, AlertRule rule, String programme) {
        if (layers.isEmpty()) {
            return configured.forProgramme(programme);
        }
        return effective.computeIfAbsent(key(rule, programme), ignored -> {
            RuleParameters parameters = laid(configured.defaults(), rule, layer(rule, null));
            RuleParameters own =
                    programme == null ? null : configured.programmes().get(programme);
            if (own != null) {
                parameters = own.over(parameters);
            }
            return programme == null ? parameters : laid(parameters, rule, layer(rule, programme));
        });
    }

    private static RuleParameters laid(RuleParameters base, AlertRule rule, Layer layer) {
        if (layer == null) {
            return base;
        }
        RuleParameters parameters = RuleParameters.of(layer.parameters).over(base);
        if (layer.severity != null) {
            parameters = parameters.withSeverity(rule, layer.severity);
        }
        if (layer.enabled != null) {
            parameters = parameters.withEnabled(rule, layer.enabled);
        }
        return parameters;
    }
}
