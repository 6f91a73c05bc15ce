package rasad.query.operations;

import java.util.Date;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.springframework.stereotype.Component;
import rasad.kernel.alerts.AlertRuleParametersChanged;
import rasad.kernel.audit.AuditMetaData;
import rasad.kernel.operations.ReadModelRebuildRequested;

/**
 * Keeps the operator actions read model: every read-model rebuild requested and every change of an alert rule's
 * parameters, with who, in which role, for whom, when and why. One document per action, replaced whole from its
 * event, so a replay or a redelivered batch writes the same document.
 */
@Component
@ProcessingGroup(OperatorActionsProjection.PROCESSING_GROUP)
class OperatorActionsProjection {

    static final String PROCESSING_GROUP = "operator-actions";

    private final OperatorActions actions;

    OperatorActionsProjection(OperatorActions actions) {
        this.actions = actions;
    }

    @EventHandler
    void on(ReadModelRebuildRequested requested, EventMessage<?> message, TrackingToken token) {
        actions.record(action(
                        OperatorActions.rebuildActionId(requested.rebuildId().value()),
                        OperatorActions.REBUILD,
                        requested.reason(),
                        message,
                        token)
                .append("rebuildId", requested.rebuildId().value())
                .append("readModel", requested.readModel()));
    }

    @EventHandler
    void on(AlertRuleParametersChanged changed, EventMessage<?> message, TrackingToken token) {
        actions.record(action(
                        OperatorActions.changeActionId(changed.changeId().value()),
                        OperatorActions.ALERT_RULE_CHANGE,
                        changed.reason(),
                        message,
                        token)
                .append("changeId", changed.changeId().value())
                .append("rule", changed.rule().name())
                .append("programme", changed.programme())
                .append("parameters", new Document(changed.parameters()))
                .append(
                        "severity",
                        changed.severity() == null ? null : changed.severity().name())
                .append("enabled", changed.enabled()));
    }

    private static Document action(
            String id, String kind, String reason, EventMessage<?> message, TrackingToken token) {
        MetaData metaData = message.getMetaData();
        return new Document("_id", id)
                .append("kind", kind)
                .append("position", token.position().orElse(-1))
                .append("at", Date.from(message.getTimestamp()))
                .append("actor", text(metaData.get(AuditMetaData.ACTOR)))
                .append("actorRole", text(metaData.get(AuditMetaData.ACTOR_ROLE)))
                .append("onBehalfOf", text(metaData.get(AuditMetaData.ON_BEHALF_OF)))
                .append("requestId", text(metaData.get(AuditMetaData.REQUEST_ID)))
                .append("reason", reason)
                .append("eventId", message.getIdentifier());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
