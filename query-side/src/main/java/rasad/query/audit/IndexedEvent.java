package rasad.query.audit;

import java.time.Instant;
import org.bson.Document;

/** One entry of a case's index: enough to filter, page and order its history without reading the events. */
record IndexedEvent(long position, String eventId, String type, String aggregateId, Instant occurredAt,
                    Instant recordedAt, String actor) {

    Document toDocument() {
        return new Document("p", position).append("e", eventId).append("t", type).append("a", aggregateId)
                .append("o", java.util.Date.from(occurredAt)).append("r", java.util.Date.from(recordedAt))
                .append("actor", actor);
    }

    static IndexedEvent of(Document entry) {
        return new IndexedEvent(entry.get("p", Number.class).longValue(), entry.getString("e"), entry.getString("t"),
                entry.getString("a"), entry.getDate("o").toInstant(), entry.getDate("r").toInstant(),
                entry.getString("actor"));
    }
}
