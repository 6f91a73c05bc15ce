package rasad.command.monitoring;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import rasad.kernel.alerts.AlertRuleParametersChanged;
import rasad.kernel.alerts.ChangeAlertRuleParameters;
import rasad.kernel.validation.RuleViolation;

/**
 * One change of an alert rule's parameters, under the id its client chose: recorded once. The same change again
 * (a retry) records nothing and answers as the first did; other content under the same id is refused. It does not
 * judge the change against the rules' current values: the rules apply changes in the store's order.
 */
@Aggregate
public class AlertRuleParameterChange {

    @AggregateIdentifier
    private String id;

    private AlertRuleParametersChanged recorded;

    protected AlertRuleParameterChange() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public AlertRuleParametersChanged handle(ChangeAlertRuleParameters command) {
        AlertRuleParametersChanged requested = command.changed();
        if (recorded == null) {
            apply(requested);
            return requested;
        }
        if (!recorded.sameChangeAs(requested)) {
            throw new RuleViolation(
                    "CHANGE_ID_TAKEN",
                    "change " + command.changeId().value()
                            + " was recorded with other content; a new change needs a new id");
        }
        return recorded;
    }

    @EventSourcingHandler
    void on(AlertRuleParametersChanged event) {
        id = event.changeId().toString();
        recorded = event;
    }
}
