package rasad.command.monitoring;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import rasad.command.audittrail.AttributedCommands;
import rasad.edge.problem.FieldErrors;
import rasad.kernel.alerts.AlertRule;
import rasad.kernel.alerts.AlertRuleParameter;
import rasad.kernel.alerts.AlertRuleParametersChanged;
import rasad.kernel.alerts.ChangeAlertRuleParameters;
import rasad.kernel.alerts.ParameterChangeId;
import rasad.kernel.alerts.Severity;
import rasad.kernel.operations.OperatorActionId;
import rasad.kernel.referencedata.ReferenceCode;
import rasad.kernel.text.TypedEnum;

/**
 * The alert rules' parameters: which are in effect, and an admin's change of them, recorded as an event.
 * <p>Only admins change them. Managers triage the alerts the rules raise, and the rules also watch work managers
 * answer for (overdue visits, banks behind their quota); letting those who are watched set the watch would leave the
 * auditor no way to tell a tuned threshold from a silenced one. A change still records on whose behalf and why.
 */
@RestController
class AlertRulesController {

    private final AttributedCommands commands;
    private final RuleSettings settings;
    private final ProcessedThrough processed;

    AlertRulesController(AttributedCommands commands, RuleSettings settings, ProcessedThrough processed) {
        this.commands = commands;
        this.settings = settings;
        this.processed = processed;
    }

    @PutMapping("/api/alert-rules/{rule}/parameters")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(
            summary = "Change a rule's parameters, severity or whether it runs, for every programme or one (admin)",
            description = "changeId is the client's: the same change again answers the same and records nothing; other "
                    + "content under the same id is 409 CHANGE_ID_TAKEN. A reason is required (400 REASON_REQUIRED). "
                    + "The rules apply the change when they reach it in the store's order.")
    Map<String, Object> change(@PathVariable String rule, @RequestBody ParameterChangeRequest request) {
        FieldErrors errors = new FieldErrors();
        AlertRule alertRule = errors.check("rule", () -> rule(rule));
        ParameterChangeId changeId = errors.check("changeId", () -> ParameterChangeId.of(request.changeId()));
        String programme = request.programme() == null
                ? null
                : errors.check("programme", () -> ReferenceCode.checkCode(request.programme(), "programme"));
        Severity severity =
                request.severity() == null ? null : errors.check("severity", () -> severity(request.severity()));
        if (alertRule != null && request.parameters() != null) {
            request.parameters()
                    .forEach((name, value) -> errors.check(
                            "parameters." + name,
                            () -> AlertRuleParameter.named(alertRule, name).canonical(value)));
        }
        String reason = errors.check("reason", () -> OperatorActionId.reason(request.reason()));
        errors.throwIfAny();
        ChangeAlertRuleParameters command = errors.check(
                "parameters",
                () -> new ChangeAlertRuleParameters(
                        changeId, alertRule, programme, request.parameters(), severity, request.enabled(), reason));
        errors.throwIfAny();
        AlertRuleParametersChanged recorded = commands.send(command, reason);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("changeId", recorded.changeId().value());
        answer.put("rule", recorded.rule().name());
        answer.put("programme", recorded.programme());
        answer.put("parameters", recorded.parameters());
        answer.put("severity", recorded.severity());
        answer.put("enabled", recorded.enabled());
        answer.put("reason", recorded.reason());
        return answer;
    }

    @GetMapping("/api/alert-rules")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'AUDITOR')")
    @Operation(
            summary = "The parameters each rule uses, for every programme and for each programme that differs, "
                    + "with the last change (who, when, why); as the rules have read the store so far")
    RulesInEffect rules() {
        ParameterChanges changes = settings.changes();
        List<RuleInEffect> rules = new ArrayList<>();
        for (AlertRule rule : AlertRule.values()) {
            Setting everyProgramme = setting(changes, rule, null);
            TreeSet<String> programmes =
                    new TreeSet<>(settings.configured().programmes().keySet());
            changes.layers.keySet().stream()
                    .filter(key -> key.startsWith(rule.name() + "/"))
                    .map(key -> key.substring(rule.name().length() + 1))
                    .forEach(programmes::add);
            Map<String, Setting> differing = new LinkedHashMap<>();
            for (String programme : programmes) {
                Setting own = setting(changes, rule, programme);
                if (own.lastChange() != null || !own.sameValuesAs(everyProgramme)) {
                    differing.put(programme, own);
                }
            }
            rules.add(new RuleInEffect(
                    rule.name(),
                    rule.detects(),
                    AlertRuleParameter.of(rule).stream()
                            .map(AlertRuleParameter::key)
                            .toList(),
                    everyProgramme,
                    differing));
        }
        return new RulesInEffect(processed.position(), rules);
    }

    private Setting setting(ParameterChanges changes, AlertRule rule, String programme) {
        RuleParameters parameters = changes.effective(settings.configured(), rule, programme);
        Map<String, Object> values = new LinkedHashMap<>();
        AlertRuleParameter.of(rule).forEach(parameter -> values.put(parameter.key(), parameters.value(parameter)));
        ParameterChanges.Layer layer = changes.layer(rule, programme);
        ParameterChanges.LastChange last = layer == null ? null : layer.lastChange;
        return new Setting(
                parameters.enabled(rule),
                parameters.severityOf(rule),
                values,
                last == null
                        ? null
                        : new LastChange(
                                last.changeId(),
                                last.actor(),
                                last.actorRole(),
                                last.onBehalfOf(),
                                last.reason(),
                                last.at(),
                                last.parameters(),
                                last.severity(),
                                last.enabled()));
    }

    private static AlertRule rule(String rule) {
        return TypedEnum.parse(AlertRule.class, rule, "UNKNOWN_RULE", "a rule");
    }

    private static Severity severity(String severity) {
        return TypedEnum.parse(Severity.class, severity, "UNKNOWN_SEVERITY", "a severity");
    }

    record ParameterChangeRequest(
            String changeId,
            String programme,
            Map<String, Object> parameters,
            String severity,
            Boolean enabled,
            String reason) {}

    /** {@code appliedThrough}: the store position the rules have read up to; a change after it is not in effect yet. */
    record RulesInEffect(long appliedThrough, List<RuleInEffect> rules) {}

    record RuleInEffect(
            String rule,
            String detects,
            List<String> accepts,
            Setting everyProgramme,
            Map<String, Setting> programmes) {}

    record Setting(boolean enabled, Severity severity, Map<String, Object> parameters, LastChange lastChange) {
        boolean sameValuesAs(Setting other) {
            return enabled == other.enabled
                    && severity == other.severity
                    && Objects.equals(parameters, other.parameters);
        }
    }

    record LastChange(
            String changeId,
            String actor,
            String actorRole,
            String onBehalfOf,
            String reason,
            Instant at,
            Map<String, Object> parameters,
            Severity changedSeverity,
            Boolean changedEnabled) {}
}
