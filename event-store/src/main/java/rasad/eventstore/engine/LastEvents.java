package rasad.eventstore.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;

/**
 * The last event this process saw of recently used aggregates — when it loaded one, or appended to it — so
 * that chaining the next event's hash needs no lookup in the usual case: Axon loads an aggregate just before
 * it appends to it. A stale entry is harmless: the writer's stream key would then collide with the newer
 * commit and be refused.
 */
final class LastEvents {

    private static final int CAPACITY = 10_000;

    private final Map<String, Document> byAggregate = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Document> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized void remember(Document event) {
        String aggregateId = event.getString("aggregateId");
        Document known = byAggregate.get(aggregateId);
        if (known == null || sequence(known) < sequence(event)) {
            byAggregate.put(
                    aggregateId, new Document("sequence", sequence(event)).append("hash", event.getString("hash")));
        }
    }

    /** The hash of the aggregate's event at {@code sequence}, if that is the last one this process saw. */
    synchronized String hashIfLast(String aggregateId, long sequence) {
        Document known = byAggregate.get(aggregateId);
        return known != null && sequence(known) == sequence ? known.getString("hash") : null;
    }

    private static long sequence(Document event) {
        return event.get("sequence", Number.class).longValue();
    }
}
