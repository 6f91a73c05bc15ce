package rasad.eventstore.engine;

import org.bson.Document;

/**
 * What the store holds at one global position, by where it is stored: an event (the document at that place in
 * the commit covering the position), a void (a refused or fenced commit), or nothing at all.
 *
 * @param commitId the {@code _id} of the commit covering the position; 0 when nothing covers it
 * @param event    the event document stored there; null unless {@link Holding#EVENT}
 */
public record StoredPosition(long position, Holding holding, long commitId, Document event) {

    public enum Holding { EVENT, VOID, NOTHING }

    static StoredPosition event(long position, long commitId, Document event) {
        return new StoredPosition(position, Holding.EVENT, commitId, event);
    }

    static StoredPosition voided(long position, long commitId) {
        return new StoredPosition(position, Holding.VOID, commitId, null);
    }

    static StoredPosition nothing(long position) {
        return new StoredPosition(position, Holding.NOTHING, 0, null);
    }
}
