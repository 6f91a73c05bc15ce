package rasad.eventstore.engine;

import static com.mongodb.client.model.Filters.in;

import com.mongodb.MongoInternalException;
import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Reads whose replies stay within the driver's message limit (48 MB) whatever the store holds. Real MongoDB
 * cuts a reply at 16 MiB by itself; the embedded server answers a whole query in one reply, so a window of
 * large commits (found at 63 MB by a verification after very large events were stored) was refused by the
 * driver. Most windows are small and are read in one round trip; a refused one is read again in batches sized
 * from the length the driver reported.
 */
public final class BoundedReads {

    /** What one reply may carry when batches are sized: half the driver's limit, room for a document's size. */
    static final long REPLY_BUDGET_BYTES = 24L * 1024 * 1024;

    private static final Pattern REPLY_LENGTH = Pattern.compile("reply message length (\\d+)");

    private BoundedReads() {}

    /**
     * Ids asked for in one query. The embedded server finds them by its index but then matches each document
     * found against the whole {@code $in} list, so a query of n ids costs n² comparisons: a window of 1,024 was
     * most of the sealer's cost to the writers (profiled). Real MongoDB pays only a round trip per chunk.
     */
    static final int IDS_PER_QUERY = 128;

    /** The documents with these ids, in no particular order. */
    public static List<Document> byIds(MongoCollection<Document> collection, List<?> ids) {
        List<Document> found = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<?> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            found.addAll(find(collection, in("_id", chunk), chunk.size()));
        }
        return found;
    }

    /** The documents matching a filter that names at most {@code expected} of them, in no particular order. */
    public static List<Document> find(MongoCollection<Document> collection, Bson filter, int expected) {
        try {
            return collection.find(filter).into(new ArrayList<>());
        } catch (MongoInternalException tooLarge) {
            int batch = batchFor(tooLarge.getMessage(), expected);
            try {
                return collection.find(filter).batchSize(batch).into(new ArrayList<>());
            } catch (MongoInternalException stillTooLarge) {
                return collection.find(filter).batchSize(1).into(new ArrayList<>());
            }
        }
    }

    static int batchFor(String message, int expected) {
        Matcher length = REPLY_LENGTH.matcher(message == null ? "" : message);
        if (!length.find()) {
            throw new MongoInternalException(message);
        }
        long replyBytes = Long.parseLong(length.group(1));
        long bytesPerDocument = Math.max(1, replyBytes / Math.max(1, expected));
        return (int) Math.max(1, Math.min(expected, REPLY_BUDGET_BYTES / (2 * bytesPerDocument)));
    }
}
