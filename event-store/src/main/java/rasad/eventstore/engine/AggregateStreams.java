package rasad.eventstore.engine;

import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * Reads one aggregate's events. An aggregate's commits are contiguous in sequence — each starts right after
 * the last sequence of the one before — so its stream keys are found by asking for a window of candidate
 * keys at once ({@code _id $in [agg/s, agg/s+1, …]}): a few index-served lookups per aggregate, whatever the
 * size of the store.
 */
final class AggregateStreams {

    /** Candidate sequences asked for in one lookup. */
    static final int WINDOW = 64;

    private final EventStoreCollections store;

    AggregateStreams(EventStoreCollections store) {
        this.store = store;
    }

    /** Committed events of the aggregate from {@code firstSequence} on, in sequence order, as event documents. */
    List<Document> eventsFrom(String aggregateId, long firstSequence, int atLeast) {
        List<Document> events = new ArrayList<>();
        long next = firstSequence;
        Optional<Document> containing = firstSequence == 0 ? Optional.empty() : committedContaining(aggregateId, next);
        if (containing.isPresent()) {
            // asked to start inside a commit (not at a commit boundary): take the rest of that commit first
            next = addEvents(events, containing.get(), aggregateId, next);
        }
        while (events.size() < atLeast) {
            Map<String, Long> sequenceOfKey = new HashMap<>();
            for (long s = next; s < next + WINDOW; s++) {
                sequenceOfKey.put(EventStoreCollections.streamKey(aggregateId, s), s);
            }
            List<Document> found = store.streams().find(in("_id", sequenceOfKey.keySet())).into(new ArrayList<>());
            if (found.isEmpty()) {
                return events;
            }
            found.sort(Comparator.comparingLong(key -> sequenceOfKey.get(key.getString("_id"))));
            Map<Long, Document> commits = commitsAt(found.stream().map(key -> position(key)).toList());
            for (Document key : found) {
                long sequence = sequenceOfKey.get(key.getString("_id"));
                Document commit = commits.get(position(key));
                if (sequence != next || commit == null || CommitState.of(commit) != CommitState.COMMITTED) {
                    return events; // the committed stream ends here; what follows is in flight or abandoned
                }
                next = addEvents(events, commit, aggregateId, next);
            }
        }
        return events;
    }

    /** The committed commit holding the aggregate's event at {@code sequence}, looking back window by window. */
    Optional<Document> committedContaining(String aggregateId, long sequence) {
        for (long upper = sequence; upper >= 0; upper -= WINDOW) {
            Map<String, Long> sequenceOfKey = new HashMap<>();
            for (long s = upper; s > upper - WINDOW && s >= 0; s--) {
                sequenceOfKey.put(EventStoreCollections.streamKey(aggregateId, s), s);
            }
            Optional<Document> nearest = store.streams().find(in("_id", sequenceOfKey.keySet())).into(new ArrayList<>())
                    .stream().max(Comparator.comparingLong(key -> sequenceOfKey.get(key.getString("_id"))));
            if (nearest.isPresent()) {
                Document commit = store.commits().find(new Document("_id", position(nearest.get()))).first();
                if (commit == null || CommitState.of(commit) != CommitState.COMMITTED) {
                    return Optional.empty();
                }
                boolean holds = eventsOf(commit, aggregateId).stream()
                        .anyMatch(event -> event.get("sequence", Number.class).longValue() == sequence);
                return holds ? Optional.of(commit) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    Map<Long, Document> commitsAt(List<Long> positions) {
        Map<Long, Document> commits = new HashMap<>();
        if (!positions.isEmpty()) {
            store.commits().find(in("_id", positions)).forEach(commit -> commits.put(position(commit), commit));
        }
        return commits;
    }

    private static long addEvents(List<Document> into, Document commit, String aggregateId, long fromSequence) {
        long last = fromSequence - 1;
        for (Document event : eventsOf(commit, aggregateId)) {
            long sequence = event.get("sequence", Number.class).longValue();
            if (sequence >= fromSequence) {
                into.add(event);
                last = sequence;
            }
        }
        return last + 1;
    }

    static List<Document> eventsOf(Document commit, String aggregateId) {
        return commit.getList("events", Document.class).stream()
                .filter(event -> aggregateId.equals(event.getString("aggregateId")))
                .toList();
    }

    static long position(Document document) {
        Object id = document.containsKey("position") ? document.get("position") : document.get("_id");
        return ((Number) id).longValue();
    }
}
