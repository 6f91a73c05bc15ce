package rasad.eventstore.integrity;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rasad.eventstore.engine.AggregateStreams;
import rasad.eventstore.engine.CommitState;
import rasad.eventstore.engine.EventStoreCollections;

/**
 * Closes the store behind the writers, block by block of positions:
 * <ul>
 *   <li><b>fences</b> every position that stayed unresolved (a writer that reserved it died, or is held back)
 *       for longer than the gap timeout, so that readers stop carrying it as a gap and the late writer's
 *       commit is refused instead of landing behind the processors — but never a position this sealer has
 *       seen written: an event deleted from there is a finding, not a gap;</li>
 *   <li><b>seals</b> a block once 1,024 positions are resolved, or once its first position has waited the
 *       block age (60 s): a Merkle root over its positions, chained to the previous seal, signed with an
 *       Ed25519 key held outside MongoDB, inserted once and never replaced, and appended to a witness outside
 *       the database. Before sealing it checks every event against its own hash, its place and its
 *       aggregate's chain; what fails is recorded as a finding and never sealed over.</li>
 * </ul>
 * Safe to run in several processes at once: fences are conditional writes, seals are unique inserts.
 * Times are measured on this process's own clock, never from a writer's timestamp.
 */
public class EventStoreSealer {

    public static final String HEAD = "head";
    public static final String FOUND_BY = "sealer";
    /** The document listing the public seal keys, published for convenience (never trusted as such). */
    public static final String PUBLISHED_KEYS = "published-keys";

    private static final Logger log = LoggerFactory.getLogger(EventStoreSealer.class);
    private static final int REMEMBERED_AGGREGATES = 100_000;

    /** How a sealer is set: the block size, the gap timeout and how long a block may stay open. */
    public record Settings(int blockSize, Duration gapTimeout, Duration maxBlockAge) {
        public Settings {
            if (blockSize < 1 || blockSize > 16_384) {
                throw new IllegalArgumentException("a block holds 1 to 16,384 positions, not " + blockSize);
            }
        }
    }

    private final EventStoreCollections store;
    private final Settings settings;
    private final Clock clock;
    private final Supplier<SealKeys> keys;
    private final SealWitness witness;
    private final IntegrityFindings findings;
    private final MeterRegistry meters;
    private final AggregateStreams streams;
    private volatile String publishedKey;
    /** The highest block known sealed, by this process or (from its witness) before it: seals never go back. */
    private long highestSealed = -1;

    private final Map<Long, Instant> firstSeenUnresolved = new ConcurrentHashMap<>();
    /** Unsealed positions as this sealer saw them resolved: a position seen written never becomes a fence. */
    private final Map<Long, String> seenLeaves = new ConcurrentHashMap<>();

    private final Map<Long, Instant> firstSeenResolved = new ConcurrentHashMap<>();
    /** The last sealed event of recently sealed aggregates: the link the next one must continue. */
    private final Map<String, Link> lastSealed = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Link> eldest) {
            return size() > REMEMBERED_AGGREGATES;
        }
    };

    public EventStoreSealer(
            EventStoreCollections store,
            Settings settings,
            Clock clock,
            Supplier<SealKeys> keys,
            SealWitness witness,
            IntegrityFindings findings,
            MeterRegistry meters) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.keys = keys;
        this.witness = witness;
        this.findings = findings;
        this.meters = meters == null ? new SimpleMeterRegistry() : meters;
        this.streams = new AggregateStreams(store);
    }

    /** One pass: fence what timed out, seal every block that is full or old enough. Returns the blocks sealed. */
    public synchronized int sealAvailable() {
        long head = headPosition();
        SealedUpTo sealed = sealedUpTo();
        Document pointer = store.checkpoints()
                .find(eq("_id", HEAD))
                .projection(Projections.include("block"))
                .first();
        if (pointer != null && pointer.get("block") instanceof Number named && named.longValue() > sealed.block()) {
            // a seal once written is gone: sealing that block again would seal over whatever replaced it
            findings.record(
                    new BrokenLink(
                            BrokenLink.Kind.BLOCK_CHAIN_BROKEN,
                            sealed.to() + 1,
                            null,
                            "block " + (sealed.block() + 1),
                            "the seals up to block " + named + ", which the head names",
                            "seals up to block " + sealed.block() + " only"),
                    FOUND_BY);
            return 0;
        }
        if (highestSealed < 0) {
            highestSealed = witness.lastWitnessedBlock(); // what was sealed before this process started
        }
        if (sealed.block() < highestSealed) {
            // seals once written are gone (and the head with them): sealing again would launder whatever
            // replaced the history they sealed
            findings.record(
                    new BrokenLink(
                            BrokenLink.Kind.BLOCK_CHAIN_BROKEN,
                            sealed.to() + 1,
                            null,
                            "block " + (sealed.block() + 1),
                            "the seals up to block " + highestSealed + ", once written",
                            "seals up to block " + sealed.block() + " only"),
                    FOUND_BY);
            return 0;
        }
        highestSealed = sealed.block(); // seals another sealer wrote count too
        forgetUpTo(sealed.to());
        int count = 0;
        while (true) {
            long from = sealed.to() + 1;
            if (from > head) {
                return count;
            }
            long to = Math.min(head, from + settings.blockSize() - 1);
            Scan scan = scan(from, to);
            if (scan.wrong().isPresent()) {
                findings.record(scan.wrong().get(), FOUND_BY);
                return count; // never sealed over: an auditor and an operator must see it first
            }
            if (scan.positions().isEmpty()) {
                return count;
            }
            boolean full = scan.positions().size() == settings.blockSize();
            Instant opened = firstSeenResolved.computeIfAbsent(from, p -> clock.instant());
            boolean old = Duration.between(opened, clock.instant()).compareTo(settings.maxBlockAge()) >= 0;
            if (!full && !old) {
                return count;
            }
            Optional<BrokenLink> unchained = chains(scan.positions());
            if (unchained.isPresent()) {
                findings.record(unchained.get(), FOUND_BY);
                return count;
            }
            Optional<SealedUpTo> next = seal(sealed, scan.positions());
            if (next.isEmpty()) {
                return count;
            }
            sealed = next.get();
            highestSealed = Math.max(highestSealed, sealed.block());
            count++;
        }
    }

    /**
     * The resolved prefix of from..to as stored, or the first thing wrong anywhere in from..to. Fences every
     * position that timed out unresolved (all of them in one pass, not one per pass).
     */
    private Scan scan(long from, long to) {
        StoreWindow window = StoreWindow.read(store, from, to, null);
        List<StoreWindow.At> resolved = new ArrayList<>();
        boolean prefix = true;
        for (long position = from; position <= to; position++) {
            StoreWindow.At at = window.at(position);
            Optional<BrokenLink> wrong = PositionCheck.of(at);
            if (wrong.isPresent()) {
                return new Scan(resolved, wrong);
            }
            String seen = seenLeaves.get(position);
            if (at.holding() == StoreWindow.Holding.NOTHING) {
                if (seen != null) {
                    return new Scan(
                            resolved,
                            Optional.of(new BrokenLink(
                                    BrokenLink.Kind.MISSING,
                                    position,
                                    null,
                                    null,
                                    "the event or void seen written there (leaf " + seen + ")",
                                    "nothing")));
                }
                if (!fenceIfTimedOut(position)) {
                    prefix = false; // the sealable prefix ends at the first position not yet resolved
                    continue;
                }
                at = new StoreWindow.At(position, StoreWindow.Holding.VOID, position, null, null);
            }
            firstSeenUnresolved.remove(position);
            String leaf = PositionCheck.leaf(at);
            if (seen != null && !seen.equals(leaf)) {
                return new Scan(
                        resolved,
                        Optional.of(new BrokenLink(
                                at.holding() == StoreWindow.Holding.VOID
                                        ? BrokenLink.Kind.MISSING
                                        : BrokenLink.Kind.MOVED,
                                position,
                                at.event() == null ? null : at.event().getString("eventId"),
                                null,
                                "what was seen written there (leaf " + seen + ")",
                                "something else (leaf " + leaf + ")")));
            }
            seenLeaves.put(position, leaf);
            if (prefix) {
                resolved.add(at);
            }
        }
        return new Scan(resolved, Optional.empty());
    }

    private record Scan(List<StoreWindow.At> positions, Optional<BrokenLink> wrong) {}

    /**
     * Each event continues its aggregate's chain: its previous hash is the hash of the aggregate's event one
     * sequence before, which was written at an earlier position (in this block, or found in the store).
     */
    private Optional<BrokenLink> chains(List<StoreWindow.At> positions) {
        Map<String, Link> inBlock = new HashMap<>();
        for (StoreWindow.At at : positions) {
            if (at.holding() != StoreWindow.Holding.EVENT) {
                continue;
            }
            Document event = at.event();
            String aggregateId = event.getString("aggregateId");
            long sequence = event.get("sequence", Number.class).longValue();
            Link previous = sequence == 0
                    ? Link.GENESIS
                    : Optional.ofNullable(inBlock.get(aggregateId))
                            .or(() -> remembered(aggregateId))
                            .filter(link -> link.sequence() == sequence - 1)
                            .or(() -> stored(aggregateId, sequence - 1, at.position()))
                            .orElse(null);
            if (previous == null || !previous.hash().equals(event.getString("previousHash"))) {
                return Optional.of(new BrokenLink(
                        BrokenLink.Kind.BROKEN_CHAIN,
                        at.position(),
                        event.getString("eventId"),
                        PositionCheck.where(event),
                        previous == null
                                ? "an event at sequence " + (sequence - 1) + " written before it"
                                : previous.hash(),
                        event.getString("previousHash")));
            }
            inBlock.put(aggregateId, new Link(sequence, event.getString("hash")));
        }
        return Optional.empty();
    }

    private Optional<Link> remembered(String aggregateId) {
        synchronized (lastSealed) {
            return Optional.ofNullable(lastSealed.get(aggregateId));
        }
    }

    /** The aggregate's event at a sequence, as stored before {@code before}, if it is intact. */
    private Optional<Link> stored(String aggregateId, long sequence, long before) {
        Optional<Document> containing;
        try {
            containing = streams.committedContaining(aggregateId, sequence);
        } catch (RuntimeException unreadableStream) {
            return Optional.empty(); // a stream whose documents cannot be read has no intact predecessor to offer
        }
        return containing.flatMap(commit -> {
            List<?> events = commit.get("events") instanceof List<?> list ? list : List.of();
            long start = StoreWindow.start(commit);
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i) instanceof Document event
                        && StoredEventCheck.unreadable(event).isEmpty()
                        && aggregateId.equals(event.getString("aggregateId"))
                        && event.get("sequence", Number.class).longValue() == sequence
                        && start + i < before
                        && PositionCheck.event(start + i, event).isEmpty()) {
                    return Optional.of(new Link(sequence, event.getString("hash")));
                }
            }
            return Optional.empty();
        });
    }

    private Optional<SealedUpTo> seal(SealedUpTo sealed, List<StoreWindow.At> positions) {
        long block = sealed.block() + 1;
        long from = positions.get(0).position();
        long to = positions.get(positions.size() - 1).position();
        List<String> leaves = positions.stream().map(PositionCheck::leaf).toList();
        String root = MerkleRoot.of(leaves);
        String chained = MerkleRoot.chain(sealed.chained(), root);
        SealKeys signer = keys.get();
        String sealedAt = clock.instant().toString();
        Seal unsigned =
                new Seal(block, from, to, leaves, root, sealed.chained(), chained, sealedAt, signer.currentId(), null);
        Seal seal = new Seal(
                block,
                from,
                to,
                leaves,
                root,
                sealed.chained(),
                chained,
                sealedAt,
                signer.currentId(),
                signer.sign(unsigned.signedText()));
        try {
            store.checkpoints().insertOne(seal.toDocument());
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // another sealer got there first: carry on from what it sealed, which the next pass reads
            Document existing = store.checkpoints()
                    .find(eq("_id", block))
                    .projection(Projections.exclude("leaves"))
                    .first();
            if (existing != null
                    && existing.get("to") instanceof Number theirs
                    && theirs.longValue() == to
                    && !chained.equals(existing.getString("chained"))) {
                log.error("Block {} was sealed by another process with a different root: run the verifier", block);
            }
            return Optional.empty();
        }
        meters.counter("rasad.seals.written").increment();
        publishKey(signer);
        moveHead(block, to, chained);
        indexBlock(block, from, to);
        remember(positions);
        positions.forEach(at -> {
            seenLeaves.remove(at.position());
            firstSeenResolved.remove(at.position());
        });
        try {
            witness.witness(seal);
        } catch (RuntimeException unwitnessed) {
            meters.counter("rasad.seals.unwitnessed").increment();
            log.error(
                    "Block {} is sealed but its witness failed: compare the store with the witness",
                    block,
                    unwitnessed);
        }
        return Optional.of(new SealedUpTo(block, to, chained));
    }

    /** What this sealer remembers of positions that are sealed now (by it or by another sealer). */
    private void forgetUpTo(long position) {
        seenLeaves.keySet().removeIf(p -> p <= position);
        firstSeenResolved.keySet().removeIf(p -> p <= position);
        firstSeenUnresolved.keySet().removeIf(p -> p <= position);
    }

    private void remember(List<StoreWindow.At> positions) {
        synchronized (lastSealed) {
            for (StoreWindow.At at : positions) {
                if (at.holding() == StoreWindow.Holding.EVENT) {
                    lastSealed.put(
                            at.event().getString("aggregateId"),
                            new Link(
                                    at.event().get("sequence", Number.class).longValue(),
                                    at.event().getString("hash")));
                }
            }
        }
    }

    /**
     * The public key of the current signing key, published beside the seals for whoever wants a copy (a
     * verifier trusts only its own copy), once per key and process.
     */
    private void publishKey(SealKeys signer) {
        if (signer.currentId().equals(publishedKey)) {
            return;
        }
        store.checkpoints()
                .updateOne(
                        eq("_id", PUBLISHED_KEYS),
                        Updates.addToSet(
                                "keys",
                                new Document("keyId", signer.currentId())
                                        .append("publicKey", signer.publicKeyBase64())),
                        new UpdateOptions().upsert(true));
        publishedKey = signer.currentId();
    }

    private void moveHead(long block, long to, String chained) {
        Document head = new Document("_id", HEAD)
                .append("block", block)
                .append("to", to)
                .append("chained", chained);
        try {
            store.checkpoints()
                    .replaceOne(
                            and(eq("_id", HEAD), eq("block", block - 1)),
                            head,
                            new ReplaceOptions().upsert(block == 1));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e; // another sealer moved the head first; the next pass reads on from the seals themselves
            }
        }
    }

    /** Which blocks cover each stretch of 1,024 positions: how a case's positions find their seals by _id. */
    private void indexBlock(long block, long from, long to) {
        for (long bucket = SealIndex.bucket(from); bucket <= SealIndex.bucket(to); bucket++) {
            store.checkpoints()
                    .updateOne(
                            eq("_id", SealIndex.bucketId(bucket)),
                            Updates.addToSet("blocks", block),
                            new UpdateOptions().upsert(true));
        }
    }

    /**
     * How far the store is sealed: the head says which block was sealed last, and the seals after it (a sealer
     * that stopped before moving the head, another that moved it back) are read on until there is none.
     */
    SealedUpTo sealedUpTo() {
        Document head = store.checkpoints().find(eq("_id", HEAD)).first();
        long block = head != null && head.get("block") instanceof Number n ? n.longValue() : 0;
        SealedUpTo upTo = new SealedUpTo(0, 0, EventHash.GENESIS);
        if (block > 0) {
            upTo = sealOf(block).orElse(upTo);
        }
        while (true) {
            Optional<SealedUpTo> next = sealOf(upTo.block() + 1);
            if (next.isEmpty()) {
                return upTo;
            }
            upTo = next.get();
        }
    }

    private Optional<SealedUpTo> sealOf(long block) {
        Document seal = store.checkpoints()
                .find(eq("_id", block))
                .projection(Projections.exclude("leaves"))
                .first();
        if (seal == null
                || !(seal.get("to") instanceof Number to)
                || !(seal.get("chained") instanceof String chained)) {
            return Optional.empty();
        }
        return Optional.of(new SealedUpTo(block, to.longValue(), chained));
    }

    record SealedUpTo(long block, long to, String chained) {}

    /** Whether the position is fenced now: unresolved since longer than the gap timeout, and still empty. */
    private boolean fenceIfTimedOut(long position) {
        Instant firstSeen = firstSeenUnresolved.computeIfAbsent(position, p -> clock.instant());
        if (Duration.between(firstSeen, clock.instant()).compareTo(settings.gapTimeout()) < 0) {
            return false;
        }
        try {
            store.commits()
                    .insertOne(new Document("_id", position)
                            .append("count", 1)
                            .append("state", CommitState.ABORTED.name())
                            .append("fencedAt", clock.instant().toString())
                            .append("events", List.of()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return false; // the late commit landed after all: it is read, and sealed, on the next pass
        }
        firstSeenUnresolved.remove(position);
        log.warn(
                "Fenced position {}: unresolved for more than {}; a writer still holding it will be refused",
                position,
                settings.gapTimeout());
        return true;
    }

    private long headPosition() {
        Document counter = store.positions().find(eq("_id", "global")).first();
        return counter == null ? 0 : counter.get("next", Number.class).longValue();
    }

    private record Link(long sequence, String hash) {
        static final Link GENESIS = new Link(-1, EventHash.GENESIS);
    }
}
