package rasad.eventstore.engine;

import org.bson.Document;

/**
 * What the store holds at one global position, by where it is stored: an event (the document at that place in
 * the commit covering the position), a void (a refused or fenced commit), nothing at all, or something that
 * cannot be read as an event (a document or commit edited by hand: a field of the wrong type, no events).
 *
 * @param commitId   the {@code _id} of the commit covering the position; 0 when nothing covers it
 * @param event      the event document stored there; null unless {@link Holding#EVENT}, or
 *                   {@link Holding#UNREADABLE} with a document to show
 * @param unreadable why it cannot be read; null unless {@link Holding#UNREADABLE}
 */
public record StoredPosition(long position, Holding holding, long commitId, Document event, String unreadable) {

    public enum Holding {
        EVENT,
        VOID,
        NOTHING,
        UNREADABLE
    }

    static StoredPosition event(long position, long commitId, Document event) {
        return new StoredPosition(position, Holding.EVENT, commitId, event, null);
    }

    static StoredPosition voided(long position, long commitId) {
        return new StoredPosition(position, Holding.VOID, commitId, null, null);
    }

    static StoredPosition nothing(long position) {
        return new StoredPosition(position, Holding.NOTHING, 0, null, null);
    }

    static StoredPosition unreadable(long position, long commitId, Document event, String why) {
        return new StoredPosition(position, Holding.UNREADABLE, commitId, event, why);
    }
}
