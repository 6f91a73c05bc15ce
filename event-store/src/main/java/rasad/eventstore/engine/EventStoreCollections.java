package rasad.eventstore.engine;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/**
 * Rasad's event store layout. Every read and every write addresses documents by {@code _id} alone — equality
 * or {@code $in} — because that is the only access the embedded server serves from an index; it is also the
 * cheapest on real MongoDB. Costs therefore do not grow with the number of stored events.
 *
 * <ul>
 *   <li>{@code event_commits}: one document per unit of work, {@code _id} = the global position of its first
 *       event; its events take the positions that follow. A single-document insert is atomic, so a commit is
 *       stored whole or not at all. Refused and fenced positions hold an ABORTED tombstone.</li>
 *   <li>{@code event_streams}: {@code _id} = {@code aggregateId/firstSequence} of each commit of an aggregate,
 *       pointing at the commit's position. Unique by construction: a second writer of the same aggregate
 *       sequence is refused here.</li>
 *   <li>{@code event_positions}: the counter that hands out global positions.</li>
 *   <li>{@code event_snapshots}: the latest snapshot of each aggregate, {@code _id} = aggregate id.</li>
 *   <li>{@code event_checkpoints}: sealed blocks of positions with their Merkle roots, chained.</li>
 * </ul>
 */
public record EventStoreCollections(
        MongoCollection<Document> commits,
        MongoCollection<Document> streams,
        MongoCollection<Document> positions,
        MongoCollection<Document> snapshots,
        MongoCollection<Document> checkpoints) {

    public static EventStoreCollections in(MongoDatabase database) {
        return new EventStoreCollections(
                database.getCollection("event_commits"),
                database.getCollection("event_streams"),
                database.getCollection("event_positions"),
                database.getCollection("event_snapshots"),
                database.getCollection("event_checkpoints"));
    }

    /** The key of an aggregate's commit starting at a sequence; parsed from the right, so ids may hold '/'. */
    static String streamKey(String aggregateId, long firstSequence) {
        return aggregateId + "/" + firstSequence;
    }
}
