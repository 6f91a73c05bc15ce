package rasad.eventstore.integrity;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import rasad.eventstore.engine.EventStoreCollections;

/**
 * The store's seals beside what a witness recorded of them, block by block: a seal removed or replaced in the
 * database, or one the witness never saw (forged into the database, or written while the witness was
 * failing), shows as a difference.
 */
public final class WitnessComparison {

    private static final int BLOCKS_PER_READ = 256;
    private static final int MAX_DIFFERENCES = 100;

    private WitnessComparison() {}

    public enum Difference {
        /** The witness has a seal of this block that the store no longer has. */
        REMOVED_FROM_STORE,
        /** The store's seal of this block has another digest than the witnessed one. */
        DIGEST_DIFFERS,
        /** The store has a seal the witness never recorded. */
        NOT_WITNESSED,
        /** A line of the witness that is not a witness entry. */
        UNREADABLE_WITNESS_LINE
    }

    /** One block where store and witness differ. */
    public record BlockDifference(long block, Difference difference, String stored, String witnessed) {}

    /**
     * @param differences at most the first 100
     */
    public record Result(
            long storedBlocks,
            long witnessedBlocks,
            long matching,
            long differenceCount,
            List<BlockDifference> differences) {

        public boolean agree() {
            return differenceCount == 0;
        }
    }

    public static Result compare(EventStoreCollections store, List<WitnessEntry> entries) {
        Map<Long, List<String>> witnessed = new HashMap<>();
        List<BlockDifference> differences = new ArrayList<>();
        long[] count = {0};
        for (WitnessEntry entry : entries) {
            if (entry.unreadable() != null) {
                add(
                        differences,
                        count,
                        new BlockDifference(
                                0,
                                Difference.UNREADABLE_WITNESS_LINE,
                                null,
                                "line " + entry.line() + ": " + entry.unreadable()));
            } else {
                witnessed
                        .computeIfAbsent(entry.block(), block -> new ArrayList<>())
                        .add(entry.chained());
            }
        }
        long lastWitnessed =
                witnessed.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        long lastStored = 0;
        long matching = 0;
        for (long from = 1; ; from += BLOCKS_PER_READ) {
            Map<Long, String> stored = storedDigests(store, from, from + BLOCKS_PER_READ - 1);
            if (stored.isEmpty() && from > lastWitnessed) {
                break;
            }
            for (long block = from; block < from + BLOCKS_PER_READ; block++) {
                String digest = stored.get(block);
                List<String> seen = witnessed.getOrDefault(block, List.of());
                if (digest != null) {
                    lastStored = block;
                }
                if (digest == null && seen.isEmpty()) {
                    continue;
                }
                if (digest == null) {
                    add(
                            differences,
                            count,
                            new BlockDifference(block, Difference.REMOVED_FROM_STORE, null, seen.get(0)));
                } else if (seen.isEmpty()) {
                    add(differences, count, new BlockDifference(block, Difference.NOT_WITNESSED, digest, null));
                } else if (seen.stream().anyMatch(witness -> !witness.equals(digest))) {
                    // two sealers may both witness one block; every line must agree with the store
                    add(
                            differences,
                            count,
                            new BlockDifference(
                                    block,
                                    Difference.DIGEST_DIFFERS,
                                    digest,
                                    seen.stream()
                                            .filter(witness -> !witness.equals(digest))
                                            .findFirst()
                                            .orElseThrow()));
                } else {
                    matching++;
                }
            }
        }
        return new Result(lastStored, lastWitnessed, matching, count[0], differences);
    }

    private static void add(List<BlockDifference> differences, long[] count, BlockDifference difference) {
        count[0]++;
        if (differences.size() < MAX_DIFFERENCES) {
            differences.add(difference);
        }
    }

    private static Map<Long, String> storedDigests(EventStoreCollections store, long from, long to) {
        List<Long> ids = new ArrayList<>();
        for (long block = from; block <= to; block++) {
            ids.add(block);
        }
        Map<Long, String> digests = new HashMap<>();
        store.checkpoints()
                .find(Filters.in("_id", ids))
                .projection(Projections.include("chained"))
                .forEach((Document seal) -> {
                    if (seal.get("_id") instanceof Number block) {
                        digests.put(block.longValue(), String.valueOf(seal.get("chained")));
                    }
                });
        return digests;
    }
}
