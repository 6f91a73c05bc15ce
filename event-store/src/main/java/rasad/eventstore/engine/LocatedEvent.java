package rasad.eventstore.engine;

import org.bson.Document;

/**
 * An event document and where it is stored.
 *
 * @param storedAt      the position its place in its commit gives it: the commit's {@code _id} plus its index
 * @param commitId      the {@code _id} of its commit
 * @param withinCommit  false when it sits beyond the commit's count: added to the commit after it was written
 */
public record LocatedEvent(long storedAt, long commitId, boolean withinCommit, Document event) {
}
