package rasad.query.alerts;

import java.util.Date;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.springframework.stereotype.Component;
import rasad.kernel.alerts.AlertAcknowledged;
import rasad.kernel.alerts.AlertAssigned;
import rasad.kernel.alerts.AlertCleared;
import rasad.kernel.alerts.AlertEscalated;
import rasad.kernel.alerts.AlertNoted;
import rasad.kernel.alerts.AlertRaised;
import rasad.kernel.alerts.AlertResolved;
import rasad.kernel.audit.AuditMetaData;

/**
 * Keeps the alerts read model: each episode with where triage stands and every step of its record, who took it
 * and when. A step's time is its event's timestamp (when it happened in Rasad), so a rebuild writes the same
 * documents again.
 */
@Component
@ProcessingGroup(AlertProjection.PROCESSING_GROUP)
class AlertProjection {

    static final String PROCESSING_GROUP = "alerts";

    private final AlertReadModel readModel;

    AlertProjection(AlertReadModel readModel) {
        this.readModel = readModel;
    }

    @EventHandler
    void on(AlertRaised event, EventMessage<?> message) {
        readModel.raised(event, step("RAISED", message, event.explanation()));
    }

    @EventHandler
    void on(AlertAcknowledged event, EventMessage<?> message) {
        readModel.step(
                event.alertId(),
                event.episode(),
                step("ACKNOWLEDGED", message, event.note()),
                episode -> AlertReadModel.triaged(episode, AlertStatus.ACKNOWLEDGED));
    }

    @EventHandler
    void on(AlertAssigned event, EventMessage<?> message) {
        String dueOn = event.visitDueOn() == null ? null : event.visitDueOn().toString();
        readModel.step(
                event.alertId(),
                event.episode(),
                step("ASSIGNED", message, event.note())
                        .append("inspector", event.inspector())
                        .append("visitDueOn", dueOn),
                episode -> {
                    AlertReadModel.triaged(episode, AlertStatus.ASSIGNED);
                    episode.put("inspector", event.inspector());
                    episode.put("visitDueOn", dueOn);
                });
    }

    @EventHandler
    void on(AlertNoted event, EventMessage<?> message) {
        // a note changes no status, and may come after the episode closed
        readModel.step(event.alertId(), event.episode(), step("NOTED", message, event.note()), episode -> {});
    }

    @EventHandler
    void on(AlertEscalated event, EventMessage<?> message) {
        readModel.step(
                event.alertId(),
                event.episode(),
                step("ESCALATED", message, event.reason()).append("escalatedTo", event.escalatedTo()),
                episode -> {
                    AlertReadModel.triaged(episode, AlertStatus.ESCALATED);
                    episode.put("escalatedTo", event.escalatedTo());
                });
    }

    @EventHandler
    void on(AlertResolved event, EventMessage<?> message) {
        Document step = step("RESOLVED", message, event.reason())
                .append("resolution", event.resolution().name());
        readModel.step(
                event.alertId(),
                event.episode(),
                step,
                episode -> AlertReadModel.closed(
                        episode, AlertStatus.RESOLVED, event.resolution().name(), step.getDate("at")));
    }

    @EventHandler
    void on(AlertCleared event, EventMessage<?> message) {
        Document step = step("CLEARED", message, event.explanation())
                .append("evidence", AlertReadModel.evidence(event.evidence()));
        readModel.step(
                event.alertId(),
                event.episode(),
                step,
                episode -> AlertReadModel.closed(
                        episode, AlertStatus.CLEARED, AlertStatus.CLEARED.name(), step.getDate("at")));
    }

    /** A step of the record: what, when, who in which role for whom, the note (else the request's reason). */
    private static Document step(String what, EventMessage<?> message, String note) {
        MetaData metaData = message.getMetaData();
        Object reason = metaData.get(AuditMetaData.REASON);
        return new Document("step", what)
                .append("at", Date.from(message.getTimestamp()))
                .append("actor", text(metaData.get(AuditMetaData.ACTOR)))
                .append("actorRole", text(metaData.get(AuditMetaData.ACTOR_ROLE)))
                .append("onBehalfOf", text(metaData.get(AuditMetaData.ON_BEHALF_OF)))
                .append("note", note != null ? note : text(reason))
                .append("eventId", message.getIdentifier());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
