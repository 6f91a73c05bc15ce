package rasad.eventstore.engine;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import rasad.eventstore.integrity.EventHash;
import rasad.kernel.audit.AuditMetaData;

/**
 * Appends the events of one unit of work as one commit, all or nothing, without transactions:
 * <ol>
 *   <li>reserve a range of global positions (one compare-and-set of the counter);</li>
 *   <li>insert the commit document: every event hashed and chained to its aggregate's previous event, and
 *       the stream key {@code aggregateId/firstSequence} of each aggregate it appends to. One
 *       single-document insert — atomic on any MongoDB — stores the commit whole or not at all, and the
 *       unique index on the keys refuses a second writer of the same aggregate sequence, which gets Axon's
 *       concurrency exception.</li>
 * </ol>
 * A writer that dies between the two steps leaves a reserved position holding nothing: readers carry it as a
 * gap, and the sealer fences it (an ABORTED tombstone) after the gap timeout, which also refuses the commit
 * if the writer comes back later. A refused writer voids its positions at once, so nobody waits for them.
 */
final class CommitWriter {

    private final EventStoreCollections store;
    private final PositionCounter counter;
    private final AggregateStreams streams;
    private final Clock clock;
    private final String nodeId;
    private final LastEvents lastEvents;

    CommitWriter(
            EventStoreCollections store,
            PositionCounter counter,
            AggregateStreams streams,
            Clock clock,
            String nodeId,
            LastEvents lastEvents) {
        this.store = store;
        this.counter = counter;
        this.streams = streams;
        this.clock = clock;
        this.nodeId = nodeId;
        this.lastEvents = lastEvents;
    }

    void append(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        if (events.size() > Commits.MAX_EVENTS) {
            // readers look back at most this far for the commit that holds a position
            throw new IllegalArgumentException(
                    "one commit holds at most " + Commits.MAX_EVENTS + " events, not " + events.size());
        }
        Instant recordedAt = clock.instant();
        Map<String, StreamPart> parts = streamParts(events);
        Map<String, String> previousHashes = new LinkedHashMap<>();
        for (StreamPart part : parts.values()) {
            previousHashes.put(part.aggregateId, previousHash(part));
        }
        long first = counter.reserve(events.size());
        List<Document> eventDocuments = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            EventMessage<?> event = events.get(i);
            Document document = eventDocument(event, first + i, recordedAt, serializer);
            String aggregateId = document.getString("aggregateId");
            String previous = parts.containsKey(aggregateId) ? previousHashes.get(aggregateId) : EventHash.GENESIS;
            String hash = EventHash.of(document, previous);
            document.append("previousHash", previous).append("hash", hash);
            if (parts.containsKey(aggregateId)) {
                previousHashes.put(aggregateId, hash);
            }
            eventDocuments.add(document);
        }
        Document commit = new Document("_id", first)
                .append("count", events.size())
                .append("state", CommitState.COMMITTED.name())
                .append("recordedAt", recordedAt.toString())
                .append("writer", nodeId)
                .append(
                        "keys",
                        parts.values().stream()
                                .map(part -> EventStoreCollections.streamKey(part.aggregateId, part.firstSequence))
                                .toList())
                .append("events", eventDocuments);
        try {
            store.commits().insertOne(commit);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            if (e.getError().getMessage().contains(EventStoreCollections.KEYS_INDEX)) {
                voidPositions(first, events.size());
                String message = "an aggregate of this commit already has an event at the sequence it appends ("
                        + e.getError().getMessage() + "): another writer got there first";
                boolean creating = parts.values().stream().allMatch(part -> part.firstSequence == 0);
                throw creating ? new AggregateStreamCreationException(message) : new ConcurrencyException(message);
            }
            throw new EventStoreException(
                    "position " + first + " was fenced before this commit landed "
                            + "(the writer was held back past the gap timeout); nothing was stored, retry",
                    e);
        }
        for (Document event : eventDocuments) {
            if (parts.containsKey(event.getString("aggregateId"))) {
                lastEvents.remember(event);
            }
        }
    }

    /** A refused commit's positions, voided at once so that no reader waits for them. */
    private void voidPositions(long first, int count) {
        for (long position = first; position < first + count; position++) {
            try {
                store.commits()
                        .insertOne(new Document("_id", position)
                                .append("count", 1)
                                .append("state", CommitState.ABORTED.name())
                                .append("events", List.of()));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e; // already fenced
                }
            }
        }
    }

    /**
     * The hash of the aggregate's event just before this commit. It must be committed and must end its own
     * commit: a writer that follows an event in the middle of a commit did not see the events after it.
     */
    private String previousHash(StreamPart part) {
        if (part.firstSequence == 0) {
            return EventHash.GENESIS;
        }
        long previousSequence = part.firstSequence - 1;
        String remembered = lastEvents.hashIfLast(part.aggregateId, previousSequence);
        if (remembered != null) {
            return remembered;
        }
        List<Document> previousCommit = streams.committedContaining(part.aggregateId, previousSequence)
                .map(commit -> AggregateStreams.eventsOf(commit, part.aggregateId))
                .orElse(List.of());
        Document last = previousCommit.isEmpty() ? null : previousCommit.get(previousCommit.size() - 1);
        if (last == null || last.get("sequence", Number.class).longValue() != previousSequence) {
            throw new ConcurrencyException("aggregate " + part.aggregateId + " does not end at sequence "
                    + previousSequence + ": this writer's view of it is out of date");
        }
        return last.getString("hash");
    }

    private Document eventDocument(EventMessage<?> event, long position, Instant recordedAt, Serializer serializer) {
        SerializedObject<String> payload = serializer.serialize(event.getPayload(), String.class);
        // Sorted keys: the stored metadata is canonical, so its hash does not depend on map order.
        SerializedObject<String> metaData = serializer.serialize(new TreeMap<>(event.getMetaData()), String.class);
        Object occurredAt = event.getMetaData().get(AuditMetaData.OCCURRED_AT);
        Document document = new Document("position", position)
                .append("eventId", event.getIdentifier())
                .append("timestamp", event.getTimestamp().toString())
                .append(
                        "occurredAt",
                        occurredAt != null
                                ? occurredAt.toString()
                                : event.getTimestamp().toString())
                .append("recordedAt", recordedAt.toString())
                .append("payloadType", payload.getType().getName())
                .append("payloadRevision", payload.getType().getRevision())
                .append("payload", payload.getData())
                .append("metaData", metaData.getData());
        if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
            document.append("aggregateType", domain.getType())
                    .append("aggregateId", domain.getAggregateIdentifier())
                    .append("sequence", domain.getSequenceNumber());
        } else {
            // An event of no aggregate is its own one-event stream, as in Axon's JDBC and JPA stores.
            document.append("aggregateType", null)
                    .append("aggregateId", event.getIdentifier())
                    .append("sequence", 0L);
        }
        return document;
    }

    private static Map<String, StreamPart> streamParts(List<? extends EventMessage<?>> events) {
        Map<String, StreamPart> parts = new LinkedHashMap<>();
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
                parts.computeIfAbsent(
                                domain.getAggregateIdentifier(),
                                id -> new StreamPart(id, domain.getType(), domain.getSequenceNumber()))
                        .extendTo(domain.getSequenceNumber());
            }
        }
        return parts;
    }

    private static final class StreamPart {
        private final String aggregateId;
        private final String aggregateType;
        private final long firstSequence;
        private long lastSequence;

        StreamPart(String aggregateId, String aggregateType, long firstSequence) {
            this.aggregateId = aggregateId;
            this.aggregateType = aggregateType;
            this.firstSequence = firstSequence;
            this.lastSequence = firstSequence - 1;
        }

        void extendTo(long sequence) {
            if (sequence != lastSequence + 1) {
                throw new EventStoreException("events of aggregate " + aggregateId + " in one commit must be "
                        + "consecutive: expected sequence " + (lastSequence + 1) + ", got " + sequence);
            }
            lastSequence = sequence;
        }

        Document toDocument() {
            return new Document("aggregateId", aggregateId)
                    .append("aggregateType", aggregateType)
                    .append("firstSequence", firstSequence)
                    .append("lastSequence", lastSequence);
        }
    }
}
