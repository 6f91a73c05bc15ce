package rasad.command.monitoring;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import rasad.kernel.alerts.AlertRule;
import rasad.kernel.alerts.AlertRuleParametersChanged;
import rasad.kernel.audit.AuditMetaData;

/**
 * The parameters each rule uses: the configuration ({@code rasad.alerts}) is the initial value, and every
 * {@link AlertRuleParametersChanged} takes effect when the {@value MonitoringProcessor#NAME} processor reaches it in
 * the store's order — events before it are judged with the old values, events after it with the new ones, in the
 * first run as in any replay. Time checks decide with what the processor has read when they run.
 */
@Component
@ProcessingGroup(MonitoringProcessor.NAME)
@Order(0)
class RuleSettings {

    static final String STATE_ID = "alert-rule-parameters";

    private final AlertSettings configured;
    private final RuleState state;

    RuleSettings(AlertSettings configured, RuleState state) {
        this.configured = configured;
        this.state = state;
    }

    @EventHandler
    void on(AlertRuleParametersChanged changed, EventMessage<?> message, TrackingToken token) {
        MetaData metaData = message.getMetaData();
        ParameterChanges changes = changes();
        changes.apply(
                changed,
                new ParameterChanges.LastChange(
                        changed.changeId().value(),
                        changed.parameters(),
                        changed.severity(),
                        changed.enabled(),
                        changed.reason(),
                        text(metaData, AuditMetaData.ACTOR),
                        text(metaData, AuditMetaData.ACTOR_ROLE),
                        text(metaData, AuditMetaData.ON_BEHALF_OF),
                        message.getTimestamp(),
                        token.position().orElse(-1)));
        state.save(STATE_ID, changes);
    }

    /** What a rule uses for a facility, quota or cluster of this programme (null: the defaults). */
    RuleParameters forRule(AlertRule rule, String programme) {
        return changes().effective(configured, rule, programme);
    }

    AlertSettings configured() {
        return configured;
    }

    /**
     * The changes read so far. Within a batch of the processor they are loaded once and kept with the batch's
     * states (an empty set is stored too, so that the next events of the batch do not look it up again).
     */
    ParameterChanges changes() {
        return state.load(STATE_ID, ParameterChanges.class).orElseGet(() -> {
            ParameterChanges none = new ParameterChanges();
            if (CurrentUnitOfWork.isStarted()) {
                state.save(STATE_ID, none);
            }
            return none;
        });
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
