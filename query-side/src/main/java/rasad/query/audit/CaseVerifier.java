package rasad.query.audit;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Component;
import rasad.eventstore.engine.RasadEventStorageEngine;
import rasad.eventstore.integrity.BrokenLink;
import rasad.eventstore.integrity.EventHash;
import rasad.eventstore.integrity.EventStoreVerifier;

/**
 * Re-checks one case: every stream its events belong to (the facility's, each person's employment, each
 * verification, visit, finding and alert), event by event — the hash recomputed from what is stored, the link
 * to the previous event, the sequence without holes — and then that every event the case's index names is
 * still in its place. An event altered, deleted, swapped or inserted shows as the first broken link.
 */
@Component
class CaseVerifier {

    private final RasadEventStorageEngine store;
    private final EventStoreVerifier storeVerifier;
    private final Clock clock;

    CaseVerifier(RasadEventStorageEngine store, EventStoreVerifier storeVerifier, Clock clock) {
        this.store = store;
        this.storeVerifier = storeVerifier;
        this.clock = clock;
    }

    CaseVerification verify(List<IndexedEvent> entries) {
        Set<String> aggregates = new LinkedHashSet<>();
        entries.stream().map(IndexedEvent::aggregateId).filter(id -> id != null).forEach(aggregates::add);
        Map<String, Document> byEventId = new HashMap<>();
        int checked = 0;
        BrokenLink broken = null;
        for (String aggregate : aggregates) {
            List<Document> stream = store.storedStream(aggregate);
            Optional<BrokenLink> link = firstBrokenLink(aggregate, stream);
            if (link.isPresent()) {
                broken = link.get();
                break;
            }
            stream.forEach(event -> byEventId.put(event.getString("eventId"), event));
            checked += stream.size();
        }
        if (broken == null) {
            broken = entries.stream().map(entry -> stillInPlace(entry, byEventId)).flatMap(Optional::stream)
                    .findFirst().orElse(null);
        }
        EventStoreVerifier.SealedHead sealed = storeVerifier.sealedHead();
        return new CaseVerification(broken == null, checked, aggregates.size(), broken, sealed.chained(),
                sealed.block(), clock.instant());
    }

    private static Optional<BrokenLink> firstBrokenLink(String aggregate, List<Document> stream) {
        String previous = EventHash.GENESIS;
        long expectedSequence = 0;
        for (Document event : stream) {
            long position = event.get("position", Number.class).longValue();
            long sequence = event.get("sequence", Number.class).longValue();
            String eventId = event.getString("eventId");
            String where = aggregate + "#" + sequence;
            String recomputed = EventHash.of(event, event.getString("previousHash"));
            if (!recomputed.equals(event.getString("hash"))) {
                return Optional.of(new BrokenLink(BrokenLink.Kind.ALTERED, position, eventId, where,
                        event.getString("hash"), recomputed));
            }
            if (sequence != expectedSequence || !previous.equals(event.getString("previousHash"))) {
                return Optional.of(new BrokenLink(BrokenLink.Kind.BROKEN_CHAIN, position, eventId, where,
                        previous + " (sequence " + expectedSequence + ")",
                        event.getString("previousHash") + " (sequence " + sequence + ")"));
            }
            previous = event.getString("hash");
            expectedSequence = sequence + 1;
        }
        return Optional.empty();
    }

    /** The event the index saw at a position must still be there: catches a stream's last event removed. */
    private static Optional<BrokenLink> stillInPlace(IndexedEvent entry, Map<String, Document> byEventId) {
        Document event = byEventId.get(entry.eventId());
        if (event == null) {
            return Optional.of(new BrokenLink(BrokenLink.Kind.MISSING, entry.position(), entry.eventId(),
                    entry.aggregateId(), "event " + entry.eventId() + " (" + entry.type() + ")", "nothing"));
        }
        long position = event.get("position", Number.class).longValue();
        if (position != entry.position()) {
            return Optional.of(new BrokenLink(BrokenLink.Kind.MOVED, entry.position(), entry.eventId(),
                    entry.aggregateId() + "#" + event.get("sequence"), "position " + entry.position(),
                    "position " + position));
        }
        return Optional.empty();
    }
}
