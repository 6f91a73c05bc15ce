package rasad.eventstore.engine;

import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Reads one aggregate's events. An aggregate's commits are contiguous in sequence — each starts right after
 * the last sequence of the one before — so asking the unique stream-key index for a window of candidate keys
 * ({@code keys $in [agg/s, agg/s+1, …]}) returns all of its commits that start in the window, in one lookup.
 * A typical aggregate loads in one round trip, whatever the size of the store.
 */
public final class AggregateStreams {

    /** Candidate sequences asked for in one lookup. */
    static final int WINDOW = 64;

    private final EventStoreCollections store;

    public AggregateStreams(EventStoreCollections store) {
        this.store = store;
    }

    /** Committed events of the aggregate from {@code firstSequence} on, in sequence order, as event documents. */
    List<Document> eventsFrom(String aggregateId, long firstSequence, int atLeast) {
        List<Document> events = new ArrayList<>();
        long next = firstSequence;
        if (firstSequence > 0) {
            Optional<Document> containing = committedContaining(aggregateId, firstSequence);
            if (containing.isEmpty()) {
                return events;
            }
            // start from the commit holding firstSequence, which may begin before it
            next = addEvents(events, containing.get(), aggregateId, firstSequence);
        }
        while (events.size() < atLeast) {
            List<Document> commits = commitsStartingIn(aggregateId, next, next + WINDOW - 1);
            long windowEnd = next + WINDOW - 1;
            for (Document commit : commits) {
                if (firstSequence(commit, aggregateId) != next) {
                    return events; // not contiguous: cannot happen in an intact store
                }
                next = addEvents(events, commit, aggregateId, next);
            }
            if (commits.isEmpty() || next <= windowEnd) {
                return events; // the next commit would have started inside the window: there is none
            }
        }
        return events;
    }

    /** The commit holding the aggregate's event at {@code sequence}, looking back window by window. */
    public Optional<Document> committedContaining(String aggregateId, long sequence) {
        for (long upper = sequence; upper >= 0; upper -= WINDOW) {
            List<Document> commits = commitsStartingIn(aggregateId, Math.max(0, upper - WINDOW + 1), upper);
            if (!commits.isEmpty()) {
                Document nearest = commits.get(commits.size() - 1);
                boolean holds = eventsOf(nearest, aggregateId).stream()
                        .anyMatch(event -> event.get("sequence", Number.class).longValue() == sequence);
                return holds ? Optional.of(nearest) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The aggregate's commits whose first sequence lies in from..to, in sequence order. */
    private List<Document> commitsStartingIn(String aggregateId, long from, long to) {
        List<String> keys = new ArrayList<>();
        for (long s = from; s <= to; s++) {
            keys.add(EventStoreCollections.streamKey(aggregateId, s));
        }
        List<Document> commits = BoundedReads.find(store.commits(), in("keys", keys), keys.size());
        commits.sort(Comparator.comparingLong(commit -> firstSequence(commit, aggregateId)));
        return commits;
    }

    private static long firstSequence(Document commit, String aggregateId) {
        return eventsOf(commit, aggregateId)
                .get(0)
                .get("sequence", Number.class)
                .longValue();
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

    public static List<Document> eventsOf(Document commit, String aggregateId) {
        return commit.getList("events", Document.class).stream()
                .filter(event -> aggregateId.equals(event.getString("aggregateId")))
                .toList();
    }

    public static long position(Document document) {
        Object id = document.containsKey("position") ? document.get("position") : document.get("_id");
        return ((Number) id).longValue();
    }
}
