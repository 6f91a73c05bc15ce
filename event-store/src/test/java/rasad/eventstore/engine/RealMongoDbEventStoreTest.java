package rasad.eventstore.engine;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The same contract on a real MongoDB 7 replica set. Skipped, with its reason, where no Docker engine runs
 * (the project's development and CI machines have none).
 */
@Testcontainers(disabledWithoutDocker = true)
class RealMongoDbEventStoreTest extends EventStoreContract {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    static MongoClient client;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(MONGO.getReplicaSetUrl());
    }

    @AfterAll
    static void disconnect() {
        if (client != null) {
            client.close();
        }
    }

    @Override
    String connectionString() {
        return MONGO.getReplicaSetUrl();
    }

    @Override
    MongoDatabase freshDatabase() {
        return client.getDatabase(
                "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }
}
