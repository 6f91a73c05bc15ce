package rasad.eventstore.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/** Finding the commit that holds a global position: a commit's {@code _id} is only its first position. */
public final class Commits {

    /** The most events one commit may hold (the writer refuses more): how far a look-back may have to go. */
    public static final int MAX_EVENTS = 16_384;

    private Commits() {}

    /**
     * How many positions a commit covers, read without trusting its type: a count edited into something else
     * covers as many positions as the events the commit holds (at least its own).
     */
    public static long extent(Document commit) {
        if (commit.get("count") instanceof Number count && count.longValue() >= 1 && count.longValue() <= MAX_EVENTS) {
            return count.longValue();
        }
        return commit.get("events") instanceof List<?> events && !events.isEmpty()
                ? Math.min(events.size(), MAX_EVENTS)
                : 1;
    }

    /**
     * The commit holding a position, looking back window by window from it (a commit may be longer than a
     * window); empty if the position is not (yet) resolved. Every lookup is {@code _id $in}.
     */
    public static Optional<Document> covering(EventStoreCollections store, long position) {
        long lowest = Math.max(1, position - MAX_EVENTS + 1);
        for (long upper = position; upper >= lowest; upper -= AggregateStreams.WINDOW) {
            List<Long> candidates = new ArrayList<>();
            for (long p = Math.max(lowest, upper - AggregateStreams.WINDOW + 1); p <= upper; p++) {
                candidates.add(p);
            }
            Optional<Document> latest = BoundedReads.byIds(store.commits(), candidates).stream()
                    .filter(commit -> commit.get("_id") instanceof Number)
                    .max(Comparator.comparingLong(commit -> ((Number) commit.get("_id")).longValue()));
            if (latest.isPresent()) {
                Document commit = latest.get();
                return ((Number) commit.get("_id")).longValue() + extent(commit) > position ? latest : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
