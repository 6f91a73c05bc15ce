package rasad.query.asof;

import java.time.Instant;
import org.bson.Document;

/**
 * The two times of every event. An inspector's visit captured offline on Monday and synchronised on Thursday
 * happened (business time) on Monday and was recorded on Thursday: as of Tuesday it was true, but not known.
 * Both are read from the stored event, so an event is known from when it was appended, not from when it was sent.
 */
public enum TimeAxis {
    /** What Rasad knew at the instant: events recorded by then. */
    RECORDED("recordedAt"),
    /** What was true at the instant, as far as Rasad knows now: events that happened by then. */
    BUSINESS("occurredAt");

    private final String storedField;

    TimeAxis(String storedField) {
        this.storedField = storedField;
    }

    /** Whether a stored event is part of the history as of {@code at} on this axis. */
    public boolean includes(Document storedEvent, Instant at) {
        return !Instant.parse(storedEvent.getString(storedField)).isAfter(at);
    }
}
