package rasad.eventstore.mongo;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/** Ready only when MongoDB answers a ping: every command and every query needs it. */
class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoDatabase database;
    private final MongoEndpoint endpoint;

    MongoPingHealthIndicator(MongoDatabase database, MongoEndpoint endpoint) {
        super("MongoDB ping failed");
        this.database = database;
        this.endpoint = endpoint;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        database.runCommand(new Document("ping", 1));
        builder.up().withDetail("database", database.getName()).withDetail("hosts", endpoint.describe());
    }
}
