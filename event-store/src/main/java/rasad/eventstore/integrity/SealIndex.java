package rasad.eventstore.integrity;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.bson.Document;
import rasad.eventstore.engine.BoundedReads;
import rasad.eventstore.engine.EventStoreCollections;

/**
 * Finds the seal covering a position by {@code _id} only. Blocks close by count or by age, so their bounds
 * cannot be computed; each stretch of 1,024 positions ("bucket") lists the blocks that cover part of it. The
 * list is only a way in: what a seal says is checked against the seal itself (its bounds, root and signature).
 */
public final class SealIndex {

    static final long BUCKET = 1024;

    private final EventStoreCollections store;

    public SealIndex(EventStoreCollections store) {
        this.store = store;
    }

    static long bucket(long position) {
        return (position - 1) / BUCKET;
    }

    static String bucketId(long bucket) {
        return "blocks:" + bucket;
    }

    /** What the seals say of each position: the sealed leaf and its seal; absent where no seal covers it. */
    public Map<Long, SealedLeaf> leavesAt(Collection<Long> positions) {
        TreeSet<Long> buckets = new TreeSet<>();
        positions.forEach(position -> buckets.add(bucket(position)));
        List<Object> bucketIds = new ArrayList<>();
        buckets.forEach(bucket -> bucketIds.add(bucketId(bucket)));
        TreeSet<Long> blocks = new TreeSet<>();
        for (Document index : BoundedReads.byIds(store.checkpoints(), bucketIds)) {
            if (index.get("blocks") instanceof List<?> listed) {
                listed.stream()
                        .filter(Number.class::isInstance)
                        .map(n -> ((Number) n).longValue())
                        .forEach(blocks::add);
            }
        }
        Map<Long, Seal> seals = new HashMap<>();
        for (Document stored : BoundedReads.byIds(store.checkpoints(), new ArrayList<>(blocks))) {
            try {
                Seal seal = Seal.of(stored);
                seals.put(seal.block(), seal);
            } catch (Seal.UnreadableSeal unreadable) {
                // a seal that cannot be read covers nothing; the store verification reports it
            }
        }
        Map<Long, SealedLeaf> leaves = new HashMap<>();
        for (Long position : positions) {
            seals.values().stream()
                    .filter(seal -> seal.from() <= position && position <= seal.to())
                    .filter(seal -> seal.leaves() != null && seal.leaves().size() == seal.to() - seal.from() + 1)
                    .findFirst()
                    .ifPresent(seal -> leaves.put(
                            position,
                            new SealedLeaf(position, seal, seal.leaves().get((int) (position - seal.from())))));
        }
        return leaves;
    }

    /** How far the store is sealed: the last sealed position (0 when nothing is sealed yet). */
    public long sealedUpTo() {
        Document head =
                store.checkpoints().find(eq("_id", EventStoreSealer.HEAD)).first();
        return Optional.ofNullable(head)
                .map(h -> h.get("to"))
                .filter(Number.class::isInstance)
                .map(to -> ((Number) to).longValue())
                .orElse(0L);
    }

    /**
     * One position's leaf as sealed.
     *
     * @param seal the seal it is in, whose root and signature the caller checks
     */
    public record SealedLeaf(long position, Seal seal, String leaf) {}
}
