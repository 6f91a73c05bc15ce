package rasad.eventstore.engine;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.bson.Document;

/**
 * Hands out global positions: one compare-and-set of the counter per commit reserves a contiguous range, so
 * positions are assigned by the store, never by a writer's clock. A reserved position whose commit never
 * lands is a gap that readers carry until the sealer fences it.
 *
 * <p>Compare-and-set, not {@code findAndModify} with {@code $inc}: on the embedded server the latter is not
 * atomic across connections (measured: eight writers were handed the same position), while a conditional
 * {@code updateOne} is, there and on MongoDB.
 */
final class PositionCounter {

    private static final String ID = "global";
    private final MongoCollection<Document> positions;
    /** The head as this process last saw it: right first time whenever no other writer came in between. */
    private final AtomicLong lastSeenHead = new AtomicLong(-1);

    PositionCounter(MongoCollection<Document> positions) {
        this.positions = positions;
    }

    /**
     * Reserves {@code count} positions and returns the first; positions start at 1. The writers of one process
     * take turns here (measured with the demo province's eight clients: most commits' time went to
     * compare-and-set attempts lost to a thread of the same process); other processes still race by
     * compare-and-set.
     */
    synchronized long reserve(int count) {
        for (int attempt = 0; ; attempt++) {
            long head = attempt == 0 && lastSeenHead.get() >= 0 ? lastSeenHead.get() : head();
            if (head == 0 && positions.find(eq("_id", ID)).first() == null) {
                create();
                continue;
            }
            boolean reserved = positions
                            .updateOne(and(eq("_id", ID), eq("next", head)), Updates.set("next", head + count))
                            .getModifiedCount()
                    == 1;
            if (reserved) {
                lastSeenHead.set(head + count);
                return head + 1;
            }
            if (attempt > 3) {
                // Another writer moved the counter between our read and our write: back off a little.
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(10_000, 200_000L * Math.min(attempt, 20)));
            }
        }
    }

    /** The highest position handed out so far, 0 when none. */
    long head() {
        Document counter = positions.find(eq("_id", ID)).first();
        return counter == null ? 0 : counter.get("next", Number.class).longValue();
    }

    private void create() {
        try {
            positions.insertOne(new Document("_id", ID).append("next", 0L));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }
}
