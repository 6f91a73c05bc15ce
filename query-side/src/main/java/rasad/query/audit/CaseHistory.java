package rasad.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.springframework.stereotype.Component;
import rasad.eventstore.engine.RasadEventStorageEngine;
import rasad.kernel.audit.AuditMetaData;
import rasad.query.asof.TimeAxis;
import rasad.query.facility.FacilityAsOf;
import rasad.query.facility.FacilityView;

/**
 * A case's history read from the event store itself — the index only says which positions to read — and the
 * case as of an instant, folded by the live projection over the events known or true by then.
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

    /**
     * The stored events at the entries' positions that are still the events the index saw there, in position
     * order: read once, then shown ({@link #events}), folded ({@link #asOf}) or checked for gaps ({@link #missing}).
     */
    List<Document> read(List<IndexedEvent> entries) {
        Map<Long, String> seen = new HashMap<>();
        entries.forEach(entry -> seen.put(entry.position(), entry.eventId()));
        return store.storedEventsAt(seen.keySet()).stream()
                .filter(event -> event.getString("eventId").equals(seen.get(event.get("position", Number.class).longValue())))
                .toList();
    }

    /** As an auditor reads them. */
    List<CaseEvent> events(List<Document> stored) {
        return stored.stream().map(CaseHistory::caseEvent).toList();
    }

    /**
     * The entries whose event is no longer at its position, as the index saw it there: deleted, or replaced by
     * another. Never shown as the case's history; the case's verification says what happened.
     */
    List<Long> missing(List<IndexedEvent> entries, List<Document> stored) {
        Set<String> present = new HashSet<>();
        stored.forEach(event -> present.add(event.getString("eventId")));
        return entries.stream().filter(entry -> !present.contains(entry.eventId())).map(IndexedEvent::position).toList();
    }

    /** The case after the events known (recorded) or true (occurred) by {@code at}; empty before its grant. */
    Optional<FoldedCase> asOf(List<Document> stored, String facilityId, Instant at, TimeAxis axis) {
        List<Document> upToThen = stored.stream().filter(event -> axis.includes(event, at)).toList();
        List<EventMessage<?>> messages = upToThen.stream()
                .map(store::message).flatMap(Optional::stream).<EventMessage<?>>map(message -> message).toList();
        long lastPosition = upToThen.isEmpty() ? 0 : upToThen.get(upToThen.size() - 1).get("position", Number.class).longValue();
        return asOf.fold(facilityId, messages).map(state -> new FoldedCase(state, messages.size(), lastPosition));
    }

    record FoldedCase(FacilityView state, int eventsFolded, long lastPosition) {
    }

    static CaseEvent caseEvent(Document stored) {
        Map<String, Object> metaData = metaData(stored.getString("metaData"));
        String payloadType = stored.getString("payloadType");
        return new CaseEvent(stored.get("position", Number.class).longValue(), stored.getString("eventId"),
                payloadType.substring(payloadType.lastIndexOf('.') + 1), stored.getString("payloadRevision"),
                stored.getString("aggregateType"), stored.getString("aggregateId"),
                stored.get("sequence", Number.class).longValue(), instant(stored.getString("occurredAt")),
                instant(stored.getString("recordedAt")), text(metaData, AuditMetaData.ACTOR),
                text(metaData, AuditMetaData.ACTOR_ROLE), text(metaData, AuditMetaData.ON_BEHALF_OF),
                text(metaData, AuditMetaData.REASON), text(metaData, AuditMetaData.REQUEST_ID),
                text(metaData, AuditMetaData.IMPORTED_FROM), stored.getString("payload"), stored.getString("hash"),
                stored.getString("previousHash"));
    }

    private static Map<String, Object> metaData(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("stored metadata is not JSON", unreadable);
        }
    }

    private static String text(Map<String, Object> metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }

    private static Instant instant(String stored) {
        return stored == null ? null : Instant.parse(stored);
    }
}
