package rasad.command.monitoring;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.context.annotation.Lazy;
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

    private static final String RAISED_IN_THIS_BATCH = RaisedAlerts.class.getName() + ".raised";

    private final CommandGateway commands;
    private final EventStore events;

    RaisedAlerts(CommandGateway commands, @Lazy EventStore events) {
        this.commands = commands;
        this.events = events;
    }

    void raise(String alertId, AlertRule rule, RuleParameters parameters, AlertSubject subject, String explanation,
               List<Evidence> evidence) {
        if (parameters.enabled(rule)) {
            send(new RaiseAlert(alertId, rule, parameters.severityOf(rule), subject, explanation, evidence), rule, explanation);
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().root().<Set<String>>getOrComputeResource(RAISED_IN_THIS_BATCH, key -> new HashSet<>())
                        .add(alertId);
            }
        }
    }

    /**
     * Most conditions that end were never raised (a first job, a confirmed check): those are not asked for, which
     * spares a failed load of an alert that does not exist. An alert raised earlier in the same batch is not in
     * the store yet (the batch's events are stored when it commits), so the batch remembers its own raises.
     */
    void clear(String alertId, AlertRule rule, String explanation, List<Evidence> evidence) {
        boolean raisedInThisBatch = CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root()
                .<Set<String>>getOrDefaultResource(RAISED_IN_THIS_BATCH, Set.of()).contains(alertId);
        if (!raisedInThisBatch && events.lastSequenceNumberFor(alertId).isEmpty()) {
            return;
        }
        try {
            send(new ClearAlert(alertId, explanation, evidence), rule, explanation);
        } catch (AggregateNotFoundException neverRaised) {
            // nothing to clear
        }
    }

    private void send(Object command, AlertRule rule, String reason) {
        var message = GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(
                AuditMetaData.ACTOR, ACTOR, AuditMetaData.ACTOR_ROLE, ROLE,
                AuditMetaData.ON_BEHALF_OF, "rule " + rule.name(), AuditMetaData.REASON, reason));
        try {
            commands.sendAndWait(message);
        } catch (AggregateStreamCreationException | ConcurrencyException lostTheRace) {
            commands.sendAndWait(message);
        }
    }
}
