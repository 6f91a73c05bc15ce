package rasad.eventstore.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.bson.Document;

/**
 * An event document and where it is stored.
 *
 * @param storedAt     the position its place in its commit gives it: the commit's {@code _id} plus its index
 * @param commitId     the {@code _id} of its commit
 * @param withinCommit false when it sits beyond the commit's count: added to the commit after it was written
 * @param event        the document as stored; null when its commit holds no readable document there
 * @param unreadable   why it cannot be read as an event (a field of the wrong type, metadata not JSON, its
 *                     commit's count or events unreadable); null when it can
 */
public record LocatedEvent(long storedAt, long commitId, boolean withinCommit, Document event, String unreadable) {

    private static final JsonFactory JSON = new JsonFactory();
    private static final List<String> TEXT_FIELDS =
            List.of("eventId", "aggregateId", "payloadType", "payload", "metaData", "hash", "previousHash");
    private static final List<String> TIME_FIELDS = List.of("timestamp", "occurredAt", "recordedAt");

    public LocatedEvent(long storedAt, long commitId, boolean withinCommit, Document event) {
        this(storedAt, commitId, withinCommit, event, unreadableBecause(event));
    }

    public boolean readable() {
        return unreadable == null;
    }

    /**
     * Why a stored event document cannot be read as the event it was written as; null when it can. Whoever edits
     * the store by hand may leave a field of another type or metadata that is not JSON: that is a finding about
     * the document, so it is said here rather than thrown wherever the field is first read.
     */
    public static String unreadableBecause(Document event) {
        if (event == null) {
            return "no event document";
        }
        for (String field : List.of("position", "sequence")) {
            if (!(event.get(field) instanceof Number)) {
                return field + " is not a number: " + describe(event.get(field));
            }
        }
        for (String field : TEXT_FIELDS) {
            Object value = event.get(field);
            if (value != null && !(value instanceof String)) {
                return field + " is not text: " + describe(value);
            }
        }
        for (String field : TIME_FIELDS) {
            Object value = event.get(field);
            if (value != null && !(value instanceof String text && isInstant(text))) {
                return field + " is not an instant: " + describe(value);
            }
        }
        if (!(event.get("eventId") instanceof String) || !(event.get("payloadType") instanceof String)) {
            return "eventId or payloadType is missing";
        }
        String metaData = event.getString("metaData");
        if (metaData != null && !metaData.isBlank() && !isJsonObject(metaData)) {
            return "metaData is not a JSON object";
        }
        return null;
    }

    /**
     * Whether {@code Instant.parse} reads it. The instants Rasad writes ({@code Instant.toString()}) are checked
     * by their shape, which is several times cheaper, and this runs for every event a processor or a
     * verification reads; anything else (a day past the 28th, an hour of 24, a year beyond 9999) is parsed.
     */
    static boolean isInstant(String text) {
        if (!plainShape(text)) {
            return parses(text);
        }
        int month = number(text, 5, 7);
        int day = number(text, 8, 10);
        boolean surely = month >= 1
                && month <= 12
                && day >= 1
                && day <= 28
                && number(text, 11, 13) <= 23
                && number(text, 14, 16) <= 59
                && number(text, 17, 19) <= 59;
        return surely || parses(text); // the rest as the parser judges it (24:00 is an instant, 02-30 is not)
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, digits where digits belong. */
    private static boolean plainShape(String text) {
        int length = text.length();
        if (length < 20
                || length > 30
                || text.charAt(length - 1) != 'Z'
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return false;
        }
        for (int i : new int[] {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18}) {
            if (!Character.isDigit(text.charAt(i)) || text.charAt(i) > '9') {
                return false;
            }
        }
        if (length == 20) {
            return true;
        }
        if (text.charAt(19) != '.' || length == 21) {
            return false;
        }
        for (int i = 20; i < length - 1; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String text, int from, int to) {
        return Integer.parseInt(text, from, to, 10);
    }

    private static boolean parses(String text) {
        try {
            Instant.parse(text);
            return true;
        } catch (DateTimeParseException notAnInstant) {
            return false;
        }
    }

    /** Streamed, not parsed into a tree: this runs for every event a processor or a verification reads. */
    private static boolean isJsonObject(String text) {
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException notJson) {
            return false;
        }
    }

    private static String describe(Object value) {
        return value == null ? "missing" : value.getClass().getSimpleName() + " " + value;
    }
}
