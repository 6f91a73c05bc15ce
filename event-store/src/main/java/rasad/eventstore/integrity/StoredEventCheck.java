package rasad.eventstore.integrity;

import java.util.Optional;
import org.bson.Document;
import rasad.eventstore.engine.LocatedEvent;

/**
 * Whether a stored document can be read as an event at all, and holds all a verification needs: the engine's
 * own reading of its types ({@link LocatedEvent#unreadableBecause}), and its hash, link and content present.
 * Checked before anything is computed from it, so that a document edited into something else is reported as
 * UNREADABLE at its position instead of failing whoever reads it.
 */
public final class StoredEventCheck {

    private static final String[] REQUIRED = {"aggregateId", "timestamp", "payload", "metaData", "hash", "previousHash"
    };

    private StoredEventCheck() {}

    /** Why the document is not a readable event; empty when it is one. */
    public static Optional<String> unreadable(Object stored) {
        if (!(stored instanceof Document event)) {
            return Optional.of("not a document");
        }
        String why = LocatedEvent.unreadableBecause(event);
        if (why != null) {
            return Optional.of(why);
        }
        for (String field : REQUIRED) {
            if (!(event.get(field) instanceof String)) {
                return Optional.of(field + " is missing");
            }
        }
        return Optional.empty();
    }
}
