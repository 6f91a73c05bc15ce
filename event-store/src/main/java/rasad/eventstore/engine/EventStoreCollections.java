package rasad.eventstore.engine;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

/**
 * Rasad's event store layout. Every read and every write addresses documents by equality or {@code $in} on a
 * unique index — {@code _id}, or the commits' stream keys — because that is the only access the embedded
 * server serves from an index; it is also the cheapest on real MongoDB. Costs therefore do not grow with the
 * number of stored events.
 *
 * <ul>
 *   <li>{@code event_commits}: one document per unit of work, {@code _id} = the global position of its first
 *       event; its events take the positions that follow. Its {@code keys} hold {@code aggregateId/firstSequence}
 *       for each aggregate it appends to, under a unique index: the one insert that stores the commit whole
 *       (a single-document write is atomic) also refuses a second writer of the same aggregate sequence.
 *       Refused and fenced positions hold an ABORTED tombstone, which has no keys.</li>
 *   <li>{@code event_positions}: the counter that hands out global positions.</li>
 *   <li>{@code event_snapshots}: the latest snapshot of each aggregate, {@code _id} = aggregate id.</li>
 *   <li>{@code event_checkpoints}: sealed blocks of positions with their Merkle roots, chained and signed
 *       ({@code _id} = block number, insert-only), the head pointer, and the published public seal keys.</li>
 *   <li>{@code event_integrity_findings}: what the sealer found wrong before sealing, insert-only.</li>
 * </ul>
 */
public record EventStoreCollections(
        MongoCollection<Document> commits,
        MongoCollection<Document> positions,
        MongoCollection<Document> snapshots,
        MongoCollection<Document> checkpoints,
        MongoCollection<Document> findings) {

    public static EventStoreCollections in(MongoDatabase database) {
        return new EventStoreCollections(
                database.getCollection("event_commits"),
                database.getCollection("event_positions"),
                database.getCollection("event_snapshots"),
                database.getCollection("event_checkpoints"),
                database.getCollection("event_integrity_findings"));
    }

    /** The name of the unique index on the commits' stream keys. */
    static final String KEYS_INDEX = "stream_keys";

    /** Creates the one index beyond {@code _id}; idempotent, run at every start. */
    public void ensureIndexes() {
        commits.createIndex(
                Indexes.ascending("keys"),
                new IndexOptions().name(KEYS_INDEX).unique(true).sparse(true));
    }

    /** The key of an aggregate's commit starting at a sequence; unambiguous, as the sequence is last. */
    static String streamKey(String aggregateId, long firstSequence) {
        return aggregateId + "/" + firstSequence;
    }
}
