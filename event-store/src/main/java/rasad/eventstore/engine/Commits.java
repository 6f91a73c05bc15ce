package rasad.eventstore.engine;

import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/** Finding the commit that holds a global position: a commit's {@code _id} is only its first position. */
public final class Commits {

    /** The most events one commit may hold (the writer refuses more): how far a look-back may have to go. */
    public static final int MAX_EVENTS = 16_384;

    private Commits() {
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
                    .max(Comparator.comparingLong(AggregateStreams::position));
            if (latest.isPresent()) {
                Document commit = latest.get();
                return AggregateStreams.position(commit) + commit.get("count", Number.class).longValue() > position
                        ? latest : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
