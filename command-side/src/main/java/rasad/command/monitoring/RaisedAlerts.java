package rasad.command.monitoring;

import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;
import rasad.kernel.alerts.AlertRule;
import rasad.kernel.alerts.AlertSubject;
import rasad.kernel.alerts.ClearAlert;
import rasad.kernel.alerts.Evidence;
import rasad.kernel.alerts.RaiseAlert;
import rasad.kernel.audit.AuditMetaData;

/**
 * How the rules raise and clear alerts: as commands to the alert, signed by Rasad's monitoring on behalf of
 * the rule, with the explanation as the reason. Both are idempotent at the alert, so a rule may ask again
 * after a redelivered event, and a lost race with a triage step is simply asked again.
 */
@Component
class RaisedAlerts {

    static final String ACTOR = "rasad-monitoring";
    static final String ROLE = "system";

    private final CommandGateway commands;

    RaisedAlerts(CommandGateway commands) {
        this.commands = commands;
    }

    void raise(
            String alertId,
            AlertRule rule,
            RuleParameters parameters,
            AlertSubject subject,
            String explanation,
            List<Evidence> evidence) {
        if (parameters.enabled(rule)) {
            send(
                    new RaiseAlert(alertId, rule, parameters.severityOf(rule), subject, explanation, evidence),
                    rule,
                    explanation);
        }
    }

    /** An alert never raised records nothing (see {@code Alert}); one raised earlier in the batch is cleared. */
    void clear(String alertId, AlertRule rule, String explanation, List<Evidence> evidence) {
        send(new ClearAlert(alertId, explanation, evidence), rule, explanation);
    }

    private void send(Object command, AlertRule rule, String reason) {
        var message = GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(
                        AuditMetaData.ACTOR,
                        ACTOR,
                        AuditMetaData.ACTOR_ROLE,
                        ROLE,
                        AuditMetaData.ON_BEHALF_OF,
                        "rule " + rule.name(),
                        AuditMetaData.REASON,
                        reason));
        try {
            commands.sendAndWait(message);
        } catch (AggregateStreamCreationException | ConcurrencyException lostTheRace) {
            commands.sendAndWait(message);
        }
    }
}
