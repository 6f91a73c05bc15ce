package rasad.eventstore.engine;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import rasad.eventstore.embedded.EmbeddedMongoServer;
import rasad.eventstore.embedded.EmbeddedMongoSettings;

/** The event store's contract on the embedded server, through the real driver over TCP. */
class EmbeddedServerEventStoreTest extends EventStoreContract {

    static EmbeddedMongoServer server;
    static MongoClient client;

    @BeforeAll
    static void startServer() {
        server = EmbeddedMongoServer.start(
                new EmbeddedMongoSettings(0, Path.of("unused"), EmbeddedMongoSettings.Backend.MEMORY));
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.close();
    }

    @Override
    String connectionString() {
        return server.connectionString();
    }

    @Override
    MongoDatabase freshDatabase() {
        return client.getDatabase(
                "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }
}
