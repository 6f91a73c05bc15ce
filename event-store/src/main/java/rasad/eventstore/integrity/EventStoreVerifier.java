package rasad.eventstore.integrity;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.Projections;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.bson.Document;
import rasad.eventstore.engine.BoundedReads;
import rasad.eventstore.engine.EventStoreCollections;

/**
 * Re-checks the whole store against its fingerprints, in position order: every position read where it is
 * stored (the commit covering it, the event at that place), every event readable, at the position it was
 * written at, matching its own hash and continuing its aggregate's chain; every position of a sealed block
 * accounted for and matching the sealed leaf; every seal's Merkle root, chain and Ed25519 signature, checked
 * with public keys the verifier holds itself (never those published in the database). Reports the first broken
 * link. Reads by {@code _id $in} windows with bounded replies, at the speed of a raw scan of the same documents.
 */
public class EventStoreVerifier {

    private static final int WINDOW = 1000;
    private static final int BLOCKS_PER_READ = 16;
    private final EventStoreCollections store;
    private final Supplier<Map<String, PublicKey>> trustedKeys;

    /**
     * @param trustedKeys the public seal keys by id that this verifier trusts, read where the database cannot
     *                    change them (the key directory, or keys an auditor was given)
     */
    public EventStoreVerifier(EventStoreCollections store, Supplier<Map<String, PublicKey>> trustedKeys) {
        this.store = store;
        this.trustedKeys = trustedKeys;
    }

    public VerificationReport verify() {
        return verify(VerificationProgress.NONE);
    }

    public VerificationReport verify(VerificationProgress progress) {
        return new Run(progress).verify();
    }

    /** One verification: its state, position by position. */
    private final class Run {
        private final VerificationProgress progress;
        private final Map<String, PublicKey> keys = trustedKeys.get();
        private final Seals seals = new Seals();
        private final Map<String, Link> lastOfAggregate = new HashMap<>();
        private final List<String> leaves = new ArrayList<>();
        private String previousChained = EventHash.GENESIS;
        private long blockNumber = 1;
        private long blocksVerified;
        private long nextBlockFrom = 1;
        private Seal block;
        private long events;

        Run(VerificationProgress progress) {
            this.progress = progress;
        }

        VerificationReport verify() {
            long sealedTo = seals.sealedTo();
            long claimed = claimedHead();
            if (claimed > seals.last.block()) {
                return new VerificationReport(
                        0,
                        0,
                        0,
                        EventHash.GENESIS,
                        Optional.of(new BrokenLink(
                                BrokenLink.Kind.BLOCK_CHAIN_BROKEN,
                                sealedTo + 1,
                                null,
                                "block " + claimed,
                                "the seal of block " + claimed + ", the last one the head names",
                                "seals up to block " + seals.last.block() + " only")));
            }
            long end = Math.max(headPosition(), sealedTo);
            Document carried = null;
            for (long from = 1; from <= end; from += WINDOW) {
                long to = Math.min(end, from + WINDOW - 1);
                StoreWindow window = StoreWindow.read(store, from, to, carried);
                carried = window.spanning();
                for (long position = from; position <= to; position++) {
                    Optional<BrokenLink> broken = check(window.at(position), position <= sealedTo);
                    if (broken.isPresent()) {
                        return new VerificationReport(position, events, blocksVerified, previousChained, broken);
                    }
                }
                progress.checked(to, end, events);
            }
            return new VerificationReport(end, events, blocksVerified, previousChained, firstFinding());
        }

        /**
         * What a sealer found before sealing and refused to seal over: seen there by a sealer, perhaps no longer
         * visible in the store at all (an event deleted from the part not sealed yet).
         */
        private Optional<BrokenLink> firstFinding() {
            return store.findings().find().into(new ArrayList<>()).stream()
                    .filter(finding ->
                            finding.get("position") instanceof Number && finding.get("kind") instanceof String)
                    .min(Comparator.comparingLong(
                            finding -> finding.get("position", Number.class).longValue()))
                    .map(finding -> new BrokenLink(
                            kind(finding.getString("kind")),
                            finding.get("position", Number.class).longValue(),
                            text(finding.get("eventId")),
                            text(finding.get("aggregate")),
                            text(finding.get("expected")),
                            text(finding.get("found")) + " (found by the " + text(finding.get("foundBy")) + " at "
                                    + text(finding.get("foundAt")) + ")"));
        }

        private Optional<BrokenLink> check(StoreWindow.At at, boolean sealed) {
            long position = at.position();
            if (sealed && block == null) {
                Optional<BrokenLink> opened = openBlock(position);
                if (opened.isPresent()) {
                    return opened;
                }
            }
            Optional<BrokenLink> wrong = PositionCheck.of(at);
            if (wrong.isPresent()) {
                return wrong;
            }
            if (at.holding() == StoreWindow.Holding.NOTHING) {
                return sealed
                        ? Optional.of(new BrokenLink(
                                BrokenLink.Kind.MISSING, position, null, null, "an event or a void", "nothing"))
                        : Optional.empty();
            }
            if (at.holding() == StoreWindow.Holding.EVENT) {
                Optional<BrokenLink> unchained = chain(position, at.event());
                if (unchained.isPresent()) {
                    return unchained;
                }
                events++;
            }
            if (!sealed) {
                return Optional.empty();
            }
            String leaf = PositionCheck.leaf(at);
            String sealedLeaf = block.leaves().get((int) (position - block.from()));
            if (!sealedLeaf.equals(leaf)) {
                return Optional.of(new BrokenLink(
                        BrokenLink.Kind.BLOCK_ROOT_MISMATCH,
                        position,
                        at.event() == null ? null : at.event().getString("eventId"),
                        "block " + block.block(),
                        sealedLeaf,
                        leaf));
            }
            leaves.add(leaf);
            return position == block.to() ? closeBlock(position) : Optional.empty();
        }

        /** The seal of the block starting here: it must exist, be readable and start where the last one ended. */
        private Optional<BrokenLink> openBlock(long position) {
            Seal seal;
            try {
                seal = seals.get(blockNumber);
            } catch (Seal.UnreadableSeal unreadable) {
                return Optional.of(new BrokenLink(
                        BrokenLink.Kind.UNREADABLE,
                        position,
                        null,
                        "block " + blockNumber,
                        "a seal",
                        unreadable.getMessage()));
            }
            if (seal == null) {
                return Optional.of(new BrokenLink(
                        BrokenLink.Kind.BLOCK_CHAIN_BROKEN,
                        position,
                        null,
                        "block " + blockNumber,
                        "the seal of block " + blockNumber,
                        "nothing"));
            }
            if (seal.from() != nextBlockFrom
                    || seal.to() < seal.from()
                    || seal.leaves() == null
                    || seal.leaves().size() != seal.to() - seal.from() + 1) {
                return Optional.of(new BrokenLink(
                        BrokenLink.Kind.BLOCK_CHAIN_BROKEN,
                        position,
                        null,
                        "block " + blockNumber,
                        "positions " + nextBlockFrom + ".. with a leaf each",
                        "positions " + seal.from() + ".." + seal.to() + " with "
                                + (seal.leaves() == null ? 0 : seal.leaves().size()) + " leaves"));
            }
            block = seal;
            return Optional.empty();
        }

        private Optional<BrokenLink> closeBlock(long position) {
            String where = "block " + block.block();
            String root = MerkleRoot.of(leaves);
            if (!root.equals(block.merkleRoot())) {
                return Optional.of(new BrokenLink(
                        BrokenLink.Kind.BLOCK_ROOT_MISMATCH, position, null, where, block.merkleRoot(), root));
            }
            String chained = MerkleRoot.chain(previousChained, root);
            if (!previousChained.equals(block.previous()) || !chained.equals(block.chained())) {
                return Optional.of(new BrokenLink(
                        BrokenLink.Kind.BLOCK_CHAIN_BROKEN, position, null, where, chained, block.chained()));
            }
            if (!block.signatureValid(keys)) {
                return Optional.of(new BrokenLink(
                        BrokenLink.Kind.BAD_SIGNATURE,
                        block.from(),
                        null,
                        where,
                        "a signature by a trusted key"
                                + (keys.containsKey(block.keyId())
                                        ? ""
                                        : " (" + block.keyId() + " is not one: trusted are " + keys.keySet() + ")"),
                        block.signature() == null ? "no signature" : "a signature that does not verify"));
            }
            previousChained = chained;
            blocksVerified++;
            progress.blockVerified(block.block(), chained);
            leaves.clear();
            nextBlockFrom = block.to() + 1;
            blockNumber++;
            block = null;
            return Optional.empty();
        }

        private Optional<BrokenLink> chain(long position, Document event) {
            String aggregateId = event.getString("aggregateId");
            long sequence = event.get("sequence", Number.class).longValue();
            Link previous = lastOfAggregate.get(aggregateId);
            String expectedPrevious = previous == null ? EventHash.GENESIS : previous.hash;
            long expectedSequence = previous == null ? 0 : previous.sequence + 1;
            if (sequence != expectedSequence || !expectedPrevious.equals(event.getString("previousHash"))) {
                return Optional.of(new BrokenLink(
                        BrokenLink.Kind.BROKEN_CHAIN,
                        position,
                        event.getString("eventId"),
                        PositionCheck.where(event),
                        expectedPrevious + " (sequence " + expectedSequence + ")",
                        event.getString("previousHash") + " (sequence " + sequence + ")"));
            }
            lastOfAggregate.put(aggregateId, new Link(sequence, event.getString("hash")));
            return Optional.empty();
        }
    }

    /**
     * The seals, read a few at a time as the verification reaches them: each holds the leaves of up to 1,024
     * positions (about 75 kB), so a large store's seals fit neither one reply nor comfortably in memory.
     */
    private final class Seals {
        private final Map<Long, Document> window = new HashMap<>();
        private final SealedHead last = sealedHead();

        long sealedTo() {
            return last.to();
        }

        Seal get(long block) {
            if (block > last.block() || block < 1) {
                return null;
            }
            if (!window.containsKey(block)) {
                window.clear();
                List<Long> ids = new ArrayList<>();
                for (long b = block; b <= Math.min(last.block(), block + BLOCKS_PER_READ - 1); b++) {
                    ids.add(b);
                }
                BoundedReads.byIds(store.checkpoints(), ids)
                        .forEach(found -> window.put(((Number) found.get("_id")).longValue(), found));
            }
            Document stored = window.get(block);
            return stored == null ? null : Seal.of(stored);
        }
    }

    /**
     * The last seal and its chained digest: what an auditor notes down (block 0: nothing sealed yet). The head
     * pointer says where to start; the seals after it (a sealer stopped before moving it, someone moving it
     * back) are read on until there is none.
     */
    public SealedHead sealedHead() {
        Document head =
                store.checkpoints().find(eq("_id", EventStoreSealer.HEAD)).first();
        long block = head != null && head.get("block") instanceof Number n ? n.longValue() : 0;
        SealedHead found = block > 0 ? sealSummary(block).orElse(null) : new SealedHead(0, EventHash.GENESIS, 0);
        if (found == null) {
            // the head names a seal that is not there: the last one is found from the start
            found = new SealedHead(0, EventHash.GENESIS, 0);
        }
        while (true) {
            Optional<SealedHead> next = sealSummary(found.block() + 1);
            if (next.isEmpty()) {
                return found;
            }
            found = next.get();
        }
    }

    /** The block the head pointer names as sealed last; 0 when none. */
    private long claimedHead() {
        Document head =
                store.checkpoints().find(eq("_id", EventStoreSealer.HEAD)).first();
        return head != null && head.get("block") instanceof Number n ? n.longValue() : 0;
    }

    private Optional<SealedHead> sealSummary(long block) {
        Document seal = store.checkpoints()
                .find(eq("_id", block))
                .projection(Projections.exclude("leaves"))
                .first();
        if (seal == null
                || !(seal.get("to") instanceof Number to)
                || !(seal.get("chained") instanceof String chained)) {
            return Optional.empty();
        }
        return Optional.of(new SealedHead(block, chained, to.longValue()));
    }

    /**
     * @param block   the last sealed block
     * @param chained its chained digest
     * @param to      the last position it seals
     */
    public record SealedHead(long block, String chained, long to) {}

    private long headPosition() {
        Document counter = store.positions().find(eq("_id", "global")).first();
        return counter == null || !(counter.get("next") instanceof Number next) ? 0 : next.longValue();
    }

    private static BrokenLink.Kind kind(String name) {
        try {
            return BrokenLink.Kind.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            return BrokenLink.Kind.UNREADABLE;
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private record Link(long sequence, String hash) {}
}
