package rasad.eventstore.integrity;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import rasad.eventstore.engine.CommitState;
import rasad.eventstore.engine.EventStoreCollections;

/**
 * Re-checks the whole store against its fingerprints, in position order: every event's hash against its
 * content, every event's link to the previous event of its aggregate, every event's position, every position
 * of a sealed block accounted for, and every sealed block's Merkle root and chain. Reports the first broken
 * link. Reads by {@code _id $in} windows, so it runs at the speed of a raw scan of the same documents.
 */
public class EventStoreVerifier {

    private static final int WINDOW = 1000;
    private static final int BLOCKS_PER_READ = 16;
    private final EventStoreCollections store;

    public EventStoreVerifier(EventStoreCollections store) {
        this.store = store;
    }

    public VerificationReport verify() {
        return verify(VerificationProgress.NONE);
    }

    public VerificationReport verify(VerificationProgress progress) {
        long head = headPosition();
        SealedBlocks blocks = new SealedBlocks();
        Map<String, Link> lastOfAggregate = new HashMap<>();
        List<String> blockLeaves = new ArrayList<>();
        String previousChained = EventHash.GENESIS;
        long blockNumber = 1;
        long events = 0;
        long expectedNext = 1;
        for (long from = 1; from <= head; from += WINDOW) {
            Map<Long, Document> commits = commitsIn(from, Math.min(head, from + WINDOW - 1));
            for (long position = from; position <= Math.min(head, from + WINDOW - 1); position++) {
                Document commit = commits.get(position);
                if (position < expectedNext) {
                    if (commit != null) {
                        return broken(BrokenLink.Kind.MOVED, position, null, null,
                                "a position inside the commit at " + (expectedNext - 1), "another commit", position, events, blockNumber - 1, previousChained);
                    }
                    continue;
                }
                Document block = blocks.get(blockNumber);
                if (block == null && blocks.sealed(blockNumber)) {
                    return broken(BrokenLink.Kind.BLOCK_CHAIN_BROKEN, position, null, "block " + blockNumber,
                            "the seal of block " + blockNumber, "nothing", position, events, blockNumber - 1, previousChained);
                }
                boolean sealed = block != null && position <= block.get("to", Number.class).longValue();
                if (commit == null) {
                    if (sealed) {
                        return broken(BrokenLink.Kind.MISSING, position, null, null, "an event or a fence", "nothing",
                                position, events, blockNumber - 1, previousChained);
                    }
                    expectedNext = position + 1;
                    continue;
                }
                int count = commit.get("count", Number.class).intValue();
                List<Document> eventDocuments = commit.getList("events", Document.class);
                boolean committed = CommitState.of(commit) == CommitState.COMMITTED;
                for (int i = 0; i < count; i++) {
                    long p = position + i;
                    if (!committed) {
                        blockLeaves.add(MerkleRoot.leafOfVoid(p));
                    } else {
                        Document event = eventDocuments.get(i);
                        Optional<BrokenLink> link = check(event, p, lastOfAggregate);
                        if (link.isPresent()) {
                            return new VerificationReport(p, events, blockNumber - 1, previousChained, link);
                        }
                        events++;
                        blockLeaves.add(MerkleRoot.leafOfEvent(p, event.getString("hash")));
                    }
                    if (block != null && p == block.get("to", Number.class).longValue()) {
                        long blockFrom = block.get("from", Number.class).longValue();
                        List<String> sealedLeaves = block.getList("leaves", String.class);
                        for (int leaf = 0; leaf < blockLeaves.size(); leaf++) {
                            if (sealedLeaves == null || leaf >= sealedLeaves.size()
                                    || !sealedLeaves.get(leaf).equals(blockLeaves.get(leaf))) {
                                return broken(BrokenLink.Kind.BLOCK_ROOT_MISMATCH, blockFrom + leaf, null,
                                        "block " + blockNumber,
                                        sealedLeaves == null || leaf >= sealedLeaves.size() ? "no leaf" : sealedLeaves.get(leaf),
                                        blockLeaves.get(leaf), p, events, blockNumber - 1, previousChained);
                            }
                        }
                        String root = MerkleRoot.of(blockLeaves);
                        if (!root.equals(block.getString("merkleRoot"))) {
                            return broken(BrokenLink.Kind.BLOCK_ROOT_MISMATCH, p, null, "block " + blockNumber,
                                    block.getString("merkleRoot"), root, p, events, blockNumber - 1, previousChained);
                        }
                        if (EventStoreSealer.TAIL.equals(block.get("_id"))) {
                            blockLeaves.clear();
                            block = null;
                            continue; // the tail is sealed provisionally and chains to nothing yet
                        }
                        String chained = MerkleRoot.chain(previousChained, root);
                        if (!previousChained.equals(block.getString("previous")) || !chained.equals(block.getString("chained"))) {
                            return broken(BrokenLink.Kind.BLOCK_CHAIN_BROKEN, p, null, "block " + blockNumber,
                                    block.getString("chained"), chained, p, events, blockNumber - 1, previousChained);
                        }
                        previousChained = chained;
                        progress.blockVerified(blockNumber, chained);
                        blockLeaves.clear();
                        blockNumber++;
                        block = blocks.get(blockNumber);
                    }
                }
                expectedNext = position + count;
            }
            progress.checked(Math.min(head, from + WINDOW - 1), head, events);
        }
        return new VerificationReport(head, events, blockNumber - 1, previousChained, Optional.empty());
    }

    private static Optional<BrokenLink> check(Document event, long position, Map<String, Link> lastOfAggregate) {
        String eventId = event.getString("eventId");
        String aggregateId = event.getString("aggregateId");
        long sequence = event.get("sequence", Number.class).longValue();
        String where = aggregateId + "#" + sequence;
        long storedPosition = event.get("position", Number.class).longValue();
        if (storedPosition != position) {
            return Optional.of(new BrokenLink(BrokenLink.Kind.MOVED, position, eventId, where,
                    "position " + position, "position " + storedPosition));
        }
        String recomputed = EventHash.of(event, event.getString("previousHash"));
        if (!recomputed.equals(event.getString("hash"))) {
            return Optional.of(new BrokenLink(BrokenLink.Kind.ALTERED, position, eventId, where,
                    event.getString("hash"), recomputed));
        }
        Link previous = lastOfAggregate.get(aggregateId);
        String expectedPrevious = previous == null ? EventHash.GENESIS : previous.hash;
        long expectedSequence = previous == null ? 0 : previous.sequence + 1;
        if (sequence != expectedSequence || !expectedPrevious.equals(event.getString("previousHash"))) {
            return Optional.of(new BrokenLink(BrokenLink.Kind.BROKEN_CHAIN, position, eventId, where,
                    expectedPrevious + " (sequence " + expectedSequence + ")",
                    event.getString("previousHash") + " (sequence " + sequence + ")"));
        }
        lastOfAggregate.put(aggregateId, new Link(sequence, event.getString("hash")));
        return Optional.empty();
    }

    private static VerificationReport broken(BrokenLink.Kind kind, long position, String eventId, String aggregate,
                                             String expected, String found, long checked, long events, long blocks,
                                             String digest) {
        return new VerificationReport(checked, events, blocks, digest,
                Optional.of(new BrokenLink(kind, position, eventId, aggregate, expected, found)));
    }

    private Map<Long, Document> commitsIn(long from, long to) {
        List<Long> positions = new ArrayList<>();
        for (long p = from; p <= to; p++) {
            positions.add(p);
        }
        Map<Long, Document> commits = new HashMap<>();
        store.commits().find(in("_id", positions)).forEach(c -> commits.put(((Number) c.get("_id")).longValue(), c));
        return commits;
    }

    /**
     * The sealed blocks, read a few at a time as the verification reaches them: each holds the leaves of its
     * 1,024 positions (about 75 kB), so a large store's blocks fit neither one reply nor comfortably in memory.
     * The provisional tail counts as the block after the last sealed one.
     */
    private final class SealedBlocks {
        private final long last;
        private final Document tail;
        private final Map<Long, Document> window = new HashMap<>();

        SealedBlocks() {
            Document head = store.checkpoints().find(eq("_id", EventStoreSealer.HEAD)).first();
            this.last = head == null ? 0 : head.get("block", Number.class).longValue();
            Document provisional = store.checkpoints().find(eq("_id", EventStoreSealer.TAIL)).first();
            this.tail = provisional != null && provisional.get("block", Number.class).longValue() == last + 1
                    ? provisional : null;
        }

        /** Whether the head says this block was sealed: its seal must then be there. */
        boolean sealed(long block) {
            return block >= 1 && block <= last;
        }

        Document get(long block) {
            if (block == last + 1) {
                return tail;
            }
            if (block > last || block < 1) {
                return null;
            }
            if (!window.containsKey(block)) {
                window.clear();
                List<Long> ids = new ArrayList<>();
                for (long b = block; b <= Math.min(last, block + BLOCKS_PER_READ - 1); b++) {
                    ids.add(b);
                }
                store.checkpoints().find(in("_id", ids)).forEach(found -> window.put(((Number) found.get("_id")).longValue(), found));
            }
            return window.get(block);
        }
    }

    /** The last sealed block and its chained digest: what an auditor notes down (block 0: nothing sealed yet). */
    public SealedHead sealedHead() {
        Document head = store.checkpoints().find(eq("_id", EventStoreSealer.HEAD)).first();
        return head == null ? new SealedHead(0, EventHash.GENESIS)
                : new SealedHead(head.get("block", Number.class).longValue(), head.getString("chained"));
    }

    public record SealedHead(long block, String chained) {
    }

    private long headPosition() {
        Document counter = store.positions().find(eq("_id", "global")).first();
        return counter == null ? 0 : counter.get("next", Number.class).longValue();
    }

    private record Link(long sequence, String hash) {
    }
}
