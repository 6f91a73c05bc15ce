package rasad.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.springframework.stereotype.Component;
import rasad.eventstore.engine.RasadEventStorageEngine;
import rasad.eventstore.engine.StoredPosition;
import rasad.eventstore.engine.StoredPosition.Holding;
import rasad.eventstore.integrity.EventHash;
import rasad.kernel.audit.AuditMetaData;
import rasad.query.asof.TimeAxis;
import rasad.query.facility.FacilityAsOf;

/**
 * A case's history read from the event store itself, by where each event is stored — the index only says which
 * positions to read — and the case as of an instant, folded by the live projection over the events known or
 * true by then. A stored event edited so that it cannot be read is shown as such, never an error: the auditor
 * is looking for exactly that.
 */
@Component
class CaseHistory {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CaseIndex index;
    private final RasadEventStorageEngine store;
    private final FacilityAsOf asOf;

    CaseHistory(CaseIndex index, RasadEventStorageEngine store, FacilityAsOf asOf) {
        this.index = index;
        this.store = store;
        this.asOf = asOf;
    }

    Optional<List<IndexedEvent>> indexed(String facilityId) {
        return index.events(facilityId);
    }

    /** One indexed entry and what is stored at its position. */
    record Read(IndexedEvent entry, StoredPosition there) {

        /** The event the index saw there, readable or not; false when nothing, a void or another event is there. */
        boolean shown() {
            return there.holding() == Holding.UNREADABLE
                    || there.holding() == Holding.EVENT
                            && entry.eventId().equals(there.event().getString("eventId"));
        }

        boolean readable() {
            return there.holding() == Holding.EVENT;
        }
    }

    /**
     * What is stored at the entries' positions, in position order: read once, then shown ({@link #events}),
     * folded ({@link #asOf}) or checked for gaps ({@link #missing}).
     */
    List<Read> read(List<IndexedEvent> entries) {
        Map<Long, StoredPosition> stored =
                store.storedAt(entries.stream().map(IndexedEvent::position).toList());
        return entries.stream()
                .sorted(Comparator.comparingLong(IndexedEvent::position))
                .map(entry -> new Read(entry, stored.get(entry.position())))
                .toList();
    }

    /** As an auditor reads them: each event still at its indexed position, with its own integrity. */
    List<CaseEvent> events(List<Read> read) {
        return read.stream().filter(Read::shown).map(CaseHistory::caseEvent).toList();
    }

    /**
     * The entries whose event is no longer at its position, as the index saw it there: deleted, or replaced by
     * another. Never shown as the case's history; the case's verification says what happened.
     */
    List<Long> missing(List<Read> read) {
        return read.stream()
                .filter(item -> !item.shown())
                .map(item -> item.entry().position())
                .toList();
    }

    /**
     * The case after the events known (recorded) or true (occurred) by {@code at}; empty before its grant. An
     * event that cannot be read, or not turned back into its message, is skipped and named.
     */
    Optional<FoldedCase> asOf(List<Read> read, String facilityId, Instant at, TimeAxis axis) {
        List<EventMessage<?>> messages = new ArrayList<>();
        List<Long> skipped = new ArrayList<>();
        long lastPosition = 0;
        for (Read item : read) {
            if (!item.shown()) {
                continue;
            }
            if (!item.readable()) {
                skipped.add(item.entry().position());
                continue;
            }
            Document event = item.there().event();
            if (!axis.includes(event, at)) {
                continue;
            }
            Optional<EventMessage<?>> message = message(event);
            if (message.isEmpty()) {
                skipped.add(item.entry().position());
                continue;
            }
            messages.add(message.get());
            lastPosition = item.entry().position();
        }
        long last = lastPosition;
        return asOf.fold(facilityId, messages)
                .map(state -> new FoldedCase(state, messages.size(), last, List.copyOf(skipped)));
    }

    /** Empty when the payload no longer deserializes (a payload type or JSON edited by hand) or was upcast away. */
    private Optional<EventMessage<?>> message(Document event) {
        try {
            Optional<EventMessage<?>> message = store.message(event).map(read -> (EventMessage<?>) read);
            message.ifPresent(EventMessage::getPayload); // deserialized here, not later inside the fold
            return message;
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** {@code skippedUnreadable}: positions of the case's events that could not be read, so were not folded. */
    record FoldedCase(
            FacilityAsOf.CaseState state, int eventsFolded, long lastPosition, List<Long> skippedUnreadable) {}

    private static CaseEvent caseEvent(Read item) {
        StoredPosition there = item.there();
        Document stored = there.event() == null ? new Document() : there.event();
        if (there.holding() == Holding.UNREADABLE) {
            return lenient(item.entry(), stored, there.unreadable());
        }
        Map<String, Object> metaData = metaData(stored.getString("metaData"));
        String payloadType = stored.getString("payloadType");
        long claimed = stored.get("position", Number.class).longValue();
        ItemIntegrity integrity = claimed != there.position()
                ? ItemIntegrity.MOVED
                : !EventHash.of(stored, stored.getString("previousHash")).equals(stored.getString("hash"))
                        ? ItemIntegrity.ALTERED
                        : ItemIntegrity.OK;
        return new CaseEvent(
                there.position(),
                stored.getString("eventId"),
                payloadType.substring(payloadType.lastIndexOf('.') + 1),
                stored.getString("payloadRevision"),
                stored.getString("aggregateType"),
                stored.getString("aggregateId"),
                stored.get("sequence", Number.class).longValue(),
                Instant.parse(stored.getString("occurredAt")),
                Instant.parse(stored.getString("recordedAt")),
                text(metaData, AuditMetaData.ACTOR),
                text(metaData, AuditMetaData.ACTOR_ROLE),
                text(metaData, AuditMetaData.ON_BEHALF_OF),
                text(metaData, AuditMetaData.REASON),
                text(metaData, AuditMetaData.REQUEST_ID),
                text(metaData, AuditMetaData.IMPORTED_FROM),
                stored.getString("payload"),
                stored.getString("hash"),
                stored.getString("previousHash"),
                integrity,
                null);
    }

    /** What can be read of a document that cannot be read as an event: each field only if it has its type. */
    private static CaseEvent lenient(IndexedEvent entry, Document stored, String why) {
        String payloadType = string(stored, "payloadType");
        Map<String, Object> metaData = metaData(string(stored, "metaData"));
        return new CaseEvent(
                entry.position(),
                string(stored, "eventId") == null ? entry.eventId() : string(stored, "eventId"),
                payloadType == null ? entry.type() : payloadType.substring(payloadType.lastIndexOf('.') + 1),
                string(stored, "payloadRevision"),
                string(stored, "aggregateType"),
                string(stored, "aggregateId") == null ? entry.aggregateId() : string(stored, "aggregateId"),
                stored.get("sequence") instanceof Number sequence ? sequence.longValue() : null,
                instant(string(stored, "occurredAt")),
                instant(string(stored, "recordedAt")),
                metaData.isEmpty() ? entry.actor() : text(metaData, AuditMetaData.ACTOR),
                text(metaData, AuditMetaData.ACTOR_ROLE),
                text(metaData, AuditMetaData.ON_BEHALF_OF),
                text(metaData, AuditMetaData.REASON),
                text(metaData, AuditMetaData.REQUEST_ID),
                text(metaData, AuditMetaData.IMPORTED_FROM),
                string(stored, "payload"),
                string(stored, "hash"),
                string(stored, "previousHash"),
                ItemIntegrity.UNREADABLE,
                why);
    }

    /** Empty when absent or not JSON: the event is then unreadable, and says so, rather than failing. */
    private static Map<String, Object> metaData(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, Object> read = JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
            return read == null ? Map.of() : read;
        } catch (JsonProcessingException unreadable) {
            return Map.of();
        }
    }

    private static String string(Document stored, String field) {
        return stored.get(field) instanceof String text ? text : null;
    }

    private static String text(Map<String, Object> metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }

    private static Instant instant(String stored) {
        try {
            return stored == null ? null : Instant.parse(stored);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
