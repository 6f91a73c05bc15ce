package rasad.eventstore.integrity;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Optional;
import org.bson.Document;

/**
 * Whether a stored document can be read as an event at all: every field an event has, of its type, and its
 * metadata a JSON object. Checked before anything is computed from it, so that a document edited into
 * something else is reported as UNREADABLE at its position instead of failing whoever reads it.
 */
public final class StoredEventCheck {

    private static final JsonFactory JSON = new JsonFactory();
    private static final String[] TEXT_FIELDS = {"eventId", "aggregateId", "timestamp", "payloadType", "payload",
        "metaData", "hash", "previousHash"};

    private StoredEventCheck() {
    }

    /** Why the document is not a readable event; empty when it is one. */
    public static Optional<String> unreadable(Object stored) {
        if (!(stored instanceof Document event)) {
            return Optional.of("not a document");
        }
        for (String field : TEXT_FIELDS) {
            if (!(event.get(field) instanceof String)) {
                return Optional.of(field + (event.containsKey(field) ? " is not text" : " is missing"));
            }
        }
        if (!(event.get("sequence") instanceof Number)) {
            return Optional.of("sequence " + (event.containsKey("sequence") ? "is not a number" : "is missing"));
        }
        if (!(event.get("position") instanceof Number)) {
            return Optional.of("position " + (event.containsKey("position") ? "is not a number" : "is missing"));
        }
        for (String optional : new String[] {"aggregateType", "payloadRevision", "occurredAt", "recordedAt"}) {
            if (event.get(optional) != null && !(event.get(optional) instanceof String)) {
                return Optional.of(optional + " is not text");
            }
        }
        if (!isJsonObject(event.getString("metaData"))) {
            return Optional.of("metaData is not a JSON object");
        }
        return Optional.empty();
    }

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
}
