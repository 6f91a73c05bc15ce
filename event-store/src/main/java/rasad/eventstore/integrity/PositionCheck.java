package rasad.eventstore.integrity;

import java.util.Optional;
import org.bson.Document;

/**
 * The checks of one position that need nothing but what is stored there: the document is an event, it is
 * where it says it was written, and its content still matches its own hash. The chain to its aggregate's
 * previous event is checked by whoever knows that event.
 */
final class PositionCheck {

    private PositionCheck() {}

    static Optional<BrokenLink> of(StoreWindow.At at) {
        return switch (at.holding()) {
            case WRONG -> Optional.of(at.wrong());
            case VOID, NOTHING -> Optional.empty();
            case EVENT -> event(at.position(), at.event());
        };
    }

    static Optional<BrokenLink> event(long position, Document event) {
        Optional<String> unreadable = StoredEventCheck.unreadable(event);
        if (unreadable.isPresent()) {
            Object eventId = event.get("eventId");
            return Optional.of(new BrokenLink(
                    BrokenLink.Kind.UNREADABLE,
                    position,
                    eventId instanceof String id ? id : null,
                    null,
                    "an event",
                    unreadable.get()));
        }
        String where = where(event);
        long stored = event.get("position", Number.class).longValue();
        if (stored != position) {
            return Optional.of(new BrokenLink(
                    BrokenLink.Kind.MOVED,
                    position,
                    event.getString("eventId"),
                    where,
                    "position " + position,
                    "an event written at position " + stored));
        }
        String recomputed = EventHash.of(event, event.getString("previousHash"));
        if (!recomputed.equals(event.getString("hash"))) {
            return Optional.of(new BrokenLink(
                    BrokenLink.Kind.ALTERED,
                    position,
                    event.getString("eventId"),
                    where,
                    event.getString("hash"),
                    recomputed));
        }
        return Optional.empty();
    }

    /** The leaf of a position that passed {@link #of}: its event's, or a void's. */
    static String leaf(StoreWindow.At at) {
        return at.holding() == StoreWindow.Holding.EVENT
                ? MerkleRoot.leafOfEvent(at.position(), at.event().getString("hash"))
                : MerkleRoot.leafOfVoid(at.position());
    }

    static String where(Document event) {
        return event.getString("aggregateId") + "#"
                + event.get("sequence", Number.class).longValue();
    }
}
