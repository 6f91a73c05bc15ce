package rasad.kernel.alerts;

import java.time.Instant;
import rasad.kernel.validation.InvalidValueException;

/** An event a rule relied on: which one, of what type, recorded when, and what in it mattered. */
public record Evidence(String eventId, String eventType, Instant recordedAt, String summary) {

    public Evidence {
        InvalidValueException.requiredText(eventId, "evidence event id");
        InvalidValueException.requiredText(eventType, "evidence event type");
        InvalidValueException.required(recordedAt, "evidence time");
        summary =
                InvalidValueException.requiredText(summary, "evidence summary").strip();
    }
}
