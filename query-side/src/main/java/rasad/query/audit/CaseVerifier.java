package rasad.query.audit;

import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Component;
import rasad.eventstore.axon.AxonOnMongoAutoConfiguration.SealKeyLocation;
import rasad.eventstore.engine.LocatedEvent;
import rasad.eventstore.engine.RasadEventStorageEngine;
import rasad.eventstore.engine.StoredPosition;
import rasad.eventstore.integrity.BrokenLink;
import rasad.eventstore.integrity.BrokenLink.Kind;
import rasad.eventstore.integrity.EventHash;
import rasad.eventstore.integrity.EventStoreVerifier;
import rasad.eventstore.integrity.FileWitness;
import rasad.eventstore.integrity.MerkleRoot;
import rasad.eventstore.integrity.Seal;
import rasad.eventstore.integrity.SealIndex;
import rasad.eventstore.integrity.SealKeys;

/**
 * Re-checks one case by where its events are stored, not by what they say about themselves: every stream its
 * events belong to (the facility's, each person's employment, each verification, visit, finding and alert),
 * event by event — readable, within its commit, at the position its place in its commit gives it, its hash
 * recomputed from what is stored, linked to the previous event, the sequence without holes — and then every
 * position the case's index names, by what is stored there. An event altered, deleted, moved, swapped, forged
 * in or left unreadable is a finding; the one at the lowest position is the first broken link.
 */
@Component
class CaseVerifier {

    private final RasadEventStorageEngine store;
    private final EventStoreVerifier storeVerifier;
    private final CaseVerifications verifications;
    private final SealIndex seals;
    private final SealKeyLocation keys;
    private final FileWitness witness;
    private final Clock clock;

    CaseVerifier(
            RasadEventStorageEngine store,
            EventStoreVerifier storeVerifier,
            CaseVerifications verifications,
            SealIndex seals,
            SealKeyLocation keys,
            FileWitness witness,
            Clock clock) {
        this.witness = witness;
        this.store = store;
        this.storeVerifier = storeVerifier;
        this.verifications = verifications;
        this.seals = seals;
        this.keys = keys;
        this.clock = clock;
    }

    /** Verifies the case and keeps the result as its last verification. */
    CaseVerification verify(String facilityId, List<IndexedEvent> entries) {
        CaseVerification verification = verify(entries);
        verifications.record(facilityId, verification);
        return verification;
    }

    CaseVerification verify(List<IndexedEvent> entries) {
        Set<String> aggregates = new LinkedHashSet<>();
        entries.stream().map(IndexedEvent::aggregateId).filter(Objects::nonNull).forEach(aggregates::add);
        List<BrokenLink> findings = new ArrayList<>();
        int checked = 0;
        for (String aggregate : aggregates) {
            List<LocatedEvent> stream = store.locatedStream(aggregate);
            checked += stream.size();
            findings.addAll(streamFindings(aggregate, stream));
        }
        Map<Long, StoredPosition> stored =
                store.storedAt(entries.stream().map(IndexedEvent::position).toList());
        // sealed up to where the store says, or the witness outside it if seals were removed
        SealedPositions sealed = new SealedPositions(
                seals.leavesAt(stored.keySet()),
                Math.max(seals.sealedUpTo(), witness.lastWitnessedPosition()),
                SealKeys.publicKeysIn(keys.trustedKeyDirectory()));
        for (IndexedEvent entry : entries) {
            StoredPosition there = stored.get(entry.position());
            positionFinding(entry, there).or(() -> sealed.finding(there)).ifPresent(findings::add);
        }
        List<BrokenLink> ordered = findings.stream()
                .distinct()
                .sorted(Comparator.comparingLong(BrokenLink::position))
                .toList();
        EventStoreVerifier.SealedHead head = storeVerifier.sealedHead();
        return new CaseVerification(
                ordered.isEmpty(),
                checked,
                aggregates.size(),
                ordered.isEmpty() ? null : ordered.get(0),
                head.chained(),
                head.block(),
                clock.instant(),
                ordered);
    }

    /**
     * One stream, event by event in the order of its commits: at most one finding per event, the most telling
     * first. Each event's location is compared with what is stored there, found apart from the stream, so an
     * event inside a commit whose positions another commit also covers shows as forged.
     */
    private List<BrokenLink> streamFindings(String aggregate, List<LocatedEvent> stream) {
        Map<Long, StoredPosition> byLocation =
                store.storedAt(stream.stream().map(LocatedEvent::storedAt).toList());
        List<BrokenLink> findings = new ArrayList<>();
        String previous = EventHash.GENESIS;
        long expectedSequence = 0;
        for (LocatedEvent located : stream) {
            Document event = located.event();
            long at = located.storedAt();
            String eventId = event == null || !(event.get("eventId") instanceof String id) ? null : id;
            if (!located.readable()) {
                findings.add(new BrokenLink(
                        Kind.UNREADABLE, at, eventId, aggregate, "an event document", located.unreadable()));
                // still followed: the next event links to the hash it stored, not to nothing
                previous = event != null && event.get("hash") instanceof String hash ? hash : previous;
                expectedSequence++;
                continue;
            }
            long sequence = event.get("sequence", Number.class).longValue();
            long claimed = event.get("position", Number.class).longValue();
            String where = aggregate + "#" + sequence;
            StoredPosition there = byLocation.get(at);
            String recomputed = EventHash.of(event, event.getString("previousHash"));
            if (!located.withinCommit()) {
                findings.add(new BrokenLink(
                        Kind.FORGED,
                        at,
                        eventId,
                        where,
                        "commit " + located.commitId() + " holds no event at " + at,
                        "event " + eventId));
            } else if (there == null || there.commitId() != located.commitId()) {
                findings.add(new BrokenLink(
                        Kind.FORGED,
                        at,
                        eventId,
                        where,
                        "position " + at + " belongs to commit " + (there == null ? "none" : there.commitId()),
                        "commit " + located.commitId() + " also covers it"));
            } else if (claimed != at) {
                findings.add(new BrokenLink(
                        Kind.MOVED, at, eventId, where, "position " + claimed, "stored at position " + at));
            } else if (!recomputed.equals(event.getString("hash"))) {
                findings.add(new BrokenLink(Kind.ALTERED, at, eventId, where, event.getString("hash"), recomputed));
            } else if (sequence != expectedSequence || !previous.equals(event.getString("previousHash"))) {
                findings.add(new BrokenLink(
                        Kind.BROKEN_CHAIN,
                        at,
                        eventId,
                        where,
                        previous + " (sequence " + expectedSequence + ")",
                        event.getString("previousHash") + " (sequence " + sequence + ")"));
            }
            previous = event.getString("hash");
            expectedSequence = sequence + 1;
        }
        return findings;
    }

    /**
     * The case's positions against the signed seals covering them: the leaf sealed there must be the leaf of what
     * is stored there now, and the seal itself must hold — its root over its leaves, its chain digest and its
     * signature by a trusted key. A history rewritten with every hash recomputed fails here, where it is sealed.
     */
    private static final class SealedPositions {
        private final Map<Long, SealIndex.SealedLeaf> leaves;
        private final long sealedUpTo;
        private final Map<String, PublicKey> trusted;
        private final Map<Long, Optional<String>> sealProblems = new HashMap<>();

        SealedPositions(Map<Long, SealIndex.SealedLeaf> leaves, long sealedUpTo, Map<String, PublicKey> trusted) {
            this.leaves = leaves;
            this.sealedUpTo = sealedUpTo;
            this.trusted = trusted;
        }

        Optional<BrokenLink> finding(StoredPosition there) {
            long at = there.position();
            SealIndex.SealedLeaf sealed = leaves.get(at);
            if (sealed == null) {
                return at <= sealedUpTo
                        ? Optional.of(new BrokenLink(
                                Kind.BLOCK_CHAIN_BROKEN,
                                at,
                                null,
                                null,
                                "a seal covering position " + at + " (sealed up to " + sealedUpTo
                                        + ", says the store or its witness)",
                                "none"))
                        : Optional.empty();
            }
            Seal seal = sealed.seal();
            Optional<String> problem = sealProblems.computeIfAbsent(seal.block(), block -> problemOf(seal));
            if (problem.isPresent()) {
                return Optional.of(new BrokenLink(
                        problem.get().startsWith("signature") ? Kind.BAD_SIGNATURE : Kind.BLOCK_ROOT_MISMATCH,
                        at,
                        null,
                        "block " + seal.block(),
                        "a seal that holds",
                        problem.get()));
            }
            String leaf = there.holding() == StoredPosition.Holding.EVENT
                    ? MerkleRoot.leafOfEvent(at, there.event().getString("hash"))
                    : MerkleRoot.leafOfVoid(at);
            return leaf.equals(sealed.leaf())
                    ? Optional.empty()
                    : Optional.of(new BrokenLink(
                            Kind.BLOCK_ROOT_MISMATCH,
                            at,
                            there.event() == null
                                    ? null
                                    : String.valueOf(there.event().get("eventId")),
                            "block " + seal.block(),
                            sealed.leaf(),
                            leaf));
        }

        private Optional<String> problemOf(Seal seal) {
            String root = MerkleRoot.of(seal.leaves());
            if (!root.equals(seal.merkleRoot())) {
                return Optional.of("its root does not match its leaves");
            }
            if (!MerkleRoot.chain(seal.previous(), root).equals(seal.chained())) {
                return Optional.of("its chained digest does not match its root");
            }
            return seal.signatureValid(trusted)
                    ? Optional.empty()
                    : Optional.of("signature by " + seal.keyId() + " does not verify with a trusted key");
        }
    }

    /**
     * What the index saw at a position must still be there. The one place a position is judged: a check of the
     * position against the signed seals' leaves belongs here too.
     */
    private static Optional<BrokenLink> positionFinding(IndexedEvent entry, StoredPosition there) {
        long at = entry.position();
        String indexed = "event " + entry.eventId() + " (" + entry.type() + ")";
        return switch (there.holding()) {
            case NOTHING, VOID ->
                Optional.of(new BrokenLink(
                        Kind.MISSING,
                        at,
                        entry.eventId(),
                        entry.aggregateId(),
                        indexed,
                        there.holding() == StoredPosition.Holding.VOID ? "a void" : "nothing"));
            case UNREADABLE ->
                Optional.of(new BrokenLink(
                        Kind.UNREADABLE, at, entry.eventId(), entry.aggregateId(), indexed, there.unreadable()));
            case EVENT -> {
                Document event = there.event();
                if (entry.eventId().equals(event.getString("eventId"))) {
                    yield Optional.empty(); // its content and chain are checked with its stream
                }
                // another event claiming this very position was put in the indexed one's place; one claiming
                // another position was moved here (two commits' places swapped)
                long claimed = event.get("position", Number.class).longValue();
                yield Optional.of(new BrokenLink(
                        claimed == at ? Kind.FORGED : Kind.MOVED,
                        at,
                        entry.eventId(),
                        entry.aggregateId(),
                        indexed,
                        "event " + event.getString("eventId") + " claiming position " + claimed));
            }
        };
    }
}
