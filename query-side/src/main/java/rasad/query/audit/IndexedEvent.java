package rasad.query.audit;

import org.bson.Document;

/**
 * One entry of a case's index: enough to filter and page its history without reading the events, and to tell
 * whether the event at a position is still the one indexed there. Times are read from the stored events.
 */
record IndexedEvent(long position, String eventId, String type, String aggregateId, String actor) {

    Document toDocument() {
        return new Document("p", position)
                .append("e", eventId)
                .append("t", type)
                .append("a", aggregateId)
                .append("actor", actor);
    }

    static IndexedEvent of(Document entry) {
        return new IndexedEvent(
                entry.get("p", Number.class).longValue(),
                entry.getString("e"),
                entry.getString("t"),
                entry.getString("a"),
                entry.getString("actor"));
    }
}
