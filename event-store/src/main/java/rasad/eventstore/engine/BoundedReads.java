package rasad.eventstore.engine;

import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/** Reads of documents by {@code _id $in} whose replies stay within the server's message limit. */
public final class BoundedReads {

    private BoundedReads() {
    }

    /** The documents with these ids, in no particular order. */
    public static List<Document> byIds(MongoCollection<Document> collection, List<?> ids) {
        return collection.find(in("_id", ids)).into(new ArrayList<>());
    }
}
