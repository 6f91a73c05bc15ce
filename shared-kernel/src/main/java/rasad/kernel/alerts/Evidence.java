package rasad.kernel.alerts;

import java.time.Instant;
import rasad.kernel.validation.InvalidValueException;

/**
 * An event a rule relied on: which one, of what type, recorded when, what in it mattered, and when it happened
 * ({@code occurredAt}: the device's time of a visit, an imported record's time in the earlier system; null when
 * it happened as it was recorded, and in alerts raised before revision 2 of their event).
 */
public record Evidence(String eventId, String eventType, Instant recordedAt, String summary, Instant occurredAt) {

    /** Evidence that happened when it was recorded. */
    public Evidence(String eventId, String eventType, Instant recordedAt, String summary) {
        this(eventId, eventType, recordedAt, summary, null);
    }

    public Evidence {
        InvalidValueException.requiredText(eventId, "evidence event id");
        InvalidValueException.requiredText(eventType, "evidence event type");
        InvalidValueException.required(recordedAt, "evidence time");
        summary =
                InvalidValueException.requiredText(summary, "evidence summary").strip();
    }

    /** When what the evidence shows happened, in business time. */
    public Instant happenedAt() {
        return occurredAt == null ? recordedAt : occurredAt;
    }
}
