package rasad.command.monitoring;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import rasad.kernel.alerts.Evidence;
import rasad.kernel.audit.AuditMetaData;

/** The event a rule relied on, as an alert's evidence. */
final class Evidences {

    private Evidences() {}

    static List<Evidence> of(EventMessage<?> event, String summary) {
        return List.of(new Evidence(
                event.getIdentifier(),
                event.getPayloadType().getSimpleName(),
                event.getTimestamp(),
                summary,
                occurredAt(event)));
    }

    /** When the event happened, where that differs from its recording: an import's or a device's time. */
    static Instant occurredAt(EventMessage<?> event) {
        Object occurredAt = event.getMetaData().get(AuditMetaData.OCCURRED_AT);
        if (occurredAt == null) {
            return null;
        }
        try {
            return Instant.parse(occurredAt.toString());
        } catch (DateTimeParseException notAnInstant) {
            return null; // metadata Rasad did not write: the recording time stands
        }
    }
}
