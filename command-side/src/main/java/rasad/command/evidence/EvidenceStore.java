package rasad.command.evidence;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import java.io.ByteArrayInputStream;
import org.bson.BsonString;
import org.bson.Document;
import org.springframework.stereotype.Component;
import rasad.kernel.verification.EvidenceReference;

/**
 * Photos and documents kept as evidence, in MongoDB GridFS, each under its SHA-256: events reference evidence
 * by that hash, so an altered file no longer matches its reference, and storing the same file twice (a
 * retried upload) keeps one copy.
 */
@Component
public class EvidenceStore {

    private final GridFSBucket bucket;
    private final MongoDatabase database;

    EvidenceStore(MongoDatabase database) {
        this.database = database;
        this.bucket = GridFSBuckets.create(database, "evidence");
    }

    public String store(byte[] content, String contentType, String uploadedBy) {
        String sha256 = EvidenceReference.of(content);
        if (!exists(sha256)) {
            bucket.uploadFromStream(
                    new BsonString(sha256),
                    sha256,
                    new ByteArrayInputStream(content),
                    new GridFSUploadOptions()
                            .metadata(new Document("contentType", contentType).append("uploadedBy", uploadedBy)));
        }
        return sha256;
    }

    public boolean exists(String sha256) {
        return database.getCollection("evidence.files").countDocuments(new Document("_id", sha256)) > 0;
    }
}
