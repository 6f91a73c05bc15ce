package rasad.eventstore.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TEXT_FIELDS = List.of("eventId", "aggregateId", "payloadType", "payload",
            "metaData", "hash", "previousHash");
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

    private static boolean isInstant(String text) {
        try {
            Instant.parse(text);
            return true;
        } catch (DateTimeParseException notAnInstant) {
            return false;
        }
    }

    private static boolean isJsonObject(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isObject();
        } catch (JsonProcessingException notJson) {
            return false;
        }
    }

    private static String describe(Object value) {
        return value == null ? "missing" : value.getClass().getSimpleName() + " " + value;
    }
}
