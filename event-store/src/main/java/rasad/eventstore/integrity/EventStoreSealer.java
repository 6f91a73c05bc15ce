package rasad.eventstore.integrity;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rasad.eventstore.engine.CommitState;
import rasad.eventstore.engine.EventStoreCollections;

/**
 * Closes the store behind the writers, block by block of positions:
 * <ul>
 *   <li><b>fences</b> every position that stayed unresolved (a writer that reserved it died, or is held back)
 *       for longer than the gap timeout, so that readers stop carrying it as a gap and the late writer's
 *       commit is refused instead of landing behind the processors;</li>
 *   <li><b>seals</b> each full block once every position in it is resolved: a Merkle root over its positions,
 *       chained to the previous block's, so that deleting, inserting, moving or altering an event anywhere
 *       in a sealed block is detectable.</li>
 * </ul>
 * Safe to run in several processes at once: fences are conditional writes, seals are unique inserts.
 * The gap timeout is measured on this process's own clock from when it first saw the position unresolved,
 * never from a writer's timestamp.
 */
public class EventStoreSealer {

    public static final String HEAD = "head";
    /** The seal of the resolved part of the block still filling up, replaced at every pass. */
    public static final String TAIL = "tail";
    private static final Logger log = LoggerFactory.getLogger(EventStoreSealer.class);

    private final EventStoreCollections store;
    private final int blockSize;
    private final Duration gapTimeout;
    private final Clock clock;
    private final Map<Long, Instant> firstSeenUnresolved = new ConcurrentHashMap<>();

    public EventStoreSealer(EventStoreCollections store, int blockSize, Duration gapTimeout, Clock clock) {
        this.store = store;
        this.blockSize = blockSize;
        this.gapTimeout = gapTimeout;
        this.clock = clock;
    }

    public int blockSize() {
        return blockSize;
    }

    /** One pass: fence what timed out, seal every block that is complete. Returns the blocks sealed. */
    public synchronized int sealAvailable() {
        long head = headPosition();
        Document sealedHead = store.checkpoints().find(eq("_id", HEAD)).first();
        long block = sealedHead == null ? 0 : sealedHead.get("block", Number.class).longValue();
        String previous = sealedHead == null ? EventHash.GENESIS : sealedHead.getString("chained");
        int sealed = 0;
        while (true) {
            long from = block * blockSize + 1;
            if (from > head) {
                return sealed;
            }
            long to = Math.min(head, (block + 1) * blockSize);
            Resolution resolution = resolveAndFence(from, to);
            List<String> leaves = resolution.resolvedLeaves();
            if (!resolution.complete() || to < (block + 1) * blockSize) {
                sealTail(block + 1, from, leaves);
                return sealed; // something still unresolved, or the block is not full yet
            }
            String root = MerkleRoot.of(leaves);
            String chained = MerkleRoot.chain(previous, root);
            if (!seal(block + 1, from, to, leaves, root, previous, chained)) {
                return sealed;
            }
            previous = chained;
            block++;
            sealed++;
        }
    }

    /**
     * Seals what is resolved of the block still filling up, so that an event deleted from the newest part of
     * the store is detected too, not only once its block is full.
     */
    private void sealTail(long block, long from, List<String> leaves) {
        if (leaves.isEmpty()) {
            return;
        }
        Document tail = new Document("_id", TAIL).append("block", block).append("from", from)
                .append("to", from + leaves.size() - 1).append("leaves", leaves)
                .append("merkleRoot", MerkleRoot.of(leaves)).append("sealedAt", clock.instant().toString());
        Document current = store.checkpoints().find(eq("_id", TAIL)).first();
        boolean newer = current == null
                || current.get("block", Number.class).longValue() < block
                || current.get("to", Number.class).longValue() < from + leaves.size() - 1;
        if (newer) {
            store.checkpoints().replaceOne(eq("_id", TAIL), tail,
                    new com.mongodb.client.model.ReplaceOptions().upsert(true));
        }
    }

    /**
     * The leaves of the resolved run of positions from {@code from} up to the first unresolved one, and whether
     * the whole range from..to is resolved.
     */
    record Resolution(List<String> resolvedLeaves, boolean complete) {
    }

    /** One pass over from..to: fences what timed out and collects the leaves of the resolved prefix. */
    Resolution resolveAndFence(long from, long to) {
        Map<Long, Document> commits = commitsCovering(from, to);
        List<String> leaves = new ArrayList<>();
        boolean complete = true;
        long position = from;
        while (position <= to) {
            Document commit = commits.get(position);
            if (commit == null) {
                complete = false;
                fenceIfTimedOut(position);
                position++;
                continue;
            }
            if (!complete) {
                firstSeenUnresolved.remove(position);
                position = ((Number) commit.get("_id")).longValue() + commit.get("count", Number.class).intValue();
                continue; // resolved, but after a hole: not part of the sealable prefix
            }
            firstSeenUnresolved.remove(position);
            long start = ((Number) commit.get("_id")).longValue();
            int count = commit.get("count", Number.class).intValue();
            List<Document> events = commit.getList("events", Document.class);
            for (long p = start; p < start + count; p++) {
                if (p >= from && p <= to) {
                    leaves.add(CommitState.of(commit) == CommitState.COMMITTED
                            ? MerkleRoot.leafOfEvent(p, events.get((int) (p - start)).getString("hash"))
                            : MerkleRoot.leafOfVoid(p));
                }
            }
            position = start + count;
        }
        return new Resolution(leaves, complete);
    }

    /** Commits starting in from..to, keyed by each position they cover, plus one straddling in from before. */
    private Map<Long, Document> commitsCovering(long from, long to) {
        List<Long> candidates = new ArrayList<>();
        for (long p = Math.max(1, from - 63); p <= to; p++) {
            candidates.add(p);
        }
        Map<Long, Document> byPosition = new HashMap<>();
        List<Document> commits = store.commits().find(in("_id", candidates)).into(new ArrayList<>());
        if (commits.stream().noneMatch(commit -> ((Number) commit.get("_id")).longValue() <= from)) {
            // a commit longer than the window may straddle in from further back
            rasad.eventstore.engine.Commits.covering(store, from).ifPresent(commits::add);
        }
        commits.forEach(commit -> {
            long start = ((Number) commit.get("_id")).longValue();
            int count = commit.get("count", Number.class).intValue();
            for (long p = start; p < start + count; p++) {
                if (p >= from && p <= to) {
                    byPosition.put(p, commit);
                }
            }
        });
        return byPosition;
    }

    private void fenceIfTimedOut(long position) {
        Instant firstSeen = firstSeenUnresolved.computeIfAbsent(position, p -> clock.instant());
        if (Duration.between(firstSeen, clock.instant()).compareTo(gapTimeout) < 0) {
            return;
        }
        try {
            store.commits().insertOne(new Document("_id", position).append("count", 1)
                    .append("state", CommitState.ABORTED.name()).append("fencedAt", clock.instant().toString())
                    .append("events", List.of()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return; // the late commit landed after all: it is read, and sealed, on the next pass
        }
        log.warn("Fenced position {}: unresolved for more than {}; a writer still holding it will be refused",
                position, gapTimeout);
    }

    private boolean seal(long block, long from, long to, List<String> leaves, String root, String previous,
                         String chained) {
        try {
            // The leaves are kept so that a verifier can name the exact position that changed, not just the block.
            store.checkpoints().insertOne(new Document("_id", block).append("from", from).append("to", to)
                    .append("leaves", leaves).append("merkleRoot", root).append("previous", previous).append("chained", chained)
                    .append("sealedAt", clock.instant().toString()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            Document existing = store.checkpoints().find(eq("_id", block)).first();
            if (existing == null || !chained.equals(existing.getString("chained"))) {
                log.error("Block {} was sealed by another process with a different root: run the verifier", block);
                return false;
            }
        }
        Document head = new Document("_id", HEAD).append("block", block).append("chained", chained);
        if (block == 1) {
            try {
                store.checkpoints().insertOne(head);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e; // another sealer moved the head first; its chain is the same
                }
            }
        } else {
            store.checkpoints().replaceOne(and(eq("_id", HEAD), eq("block", block - 1)), head);
        }
        return true;
    }

    private long headPosition() {
        Document counter = store.positions().find(eq("_id", "global")).first();
        return counter == null ? 0 : counter.get("next", Number.class).longValue();
    }
}
