package rasad.eventstore.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stand-in, spoken to through the official driver over TCP, as Rasad speaks to it. */
class EmbeddedMongoServerTest {

    @TempDir
    Path dataDir;

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase("rasad").getCollection("probe");
    }

    @Test
    void with_the_h2_backend_what_was_written_survives_a_restart() throws IOException {
        EmbeddedMongoSettings settings =
                new EmbeddedMongoSettings(freePort(), dataDir, EmbeddedMongoSettings.Backend.H2);

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(settings);
                MongoClient client = MongoClients.create(server.connectionString())) {
            collection(client).insertOne(new Document("_id", "f-0001").append("county", "tabriz"));
        }
        assertThat(dataDir.resolve(EmbeddedMongoServer.DATA_FILE)).exists();

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(settings);
                MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(collection(client).find(new Document("_id", "f-0001")).first())
                    .containsEntry("county", "tabriz");
        }
    }

    @Test
    void with_the_memory_backend_nothing_survives() throws IOException {
        EmbeddedMongoSettings settings =
                new EmbeddedMongoSettings(freePort(), dataDir, EmbeddedMongoSettings.Backend.MEMORY);

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(settings);
                MongoClient client = MongoClients.create(server.connectionString())) {
            collection(client).insertOne(new Document("_id", "f-0001"));
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(settings);
                MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(collection(client).countDocuments()).isZero();
        }
    }

    @Test
    void a_second_process_joins_the_server_already_listening_and_sees_the_same_data() throws IOException {
        EmbeddedMongoSettings settings =
                new EmbeddedMongoSettings(freePort(), dataDir, EmbeddedMongoSettings.Backend.H2);

        try (EmbeddedMongoServer owner = EmbeddedMongoServer.startOrJoin(settings);
                EmbeddedMongoServer joiner = EmbeddedMongoServer.startOrJoin(settings);
                MongoClient ownerClient = MongoClients.create(owner.connectionString());
                MongoClient joinerClient = MongoClients.create(joiner.connectionString())) {
            assertThat(owner.isOwner()).isTrue();
            assertThat(joiner.isOwner()).isFalse();

            collection(ownerClient).insertOne(new Document("_id", "written-by-owner"));
            assertThat(collection(joinerClient).countDocuments(new Document("_id", "written-by-owner")))
                    .isOne();

            joiner.close();
            assertThat(collection(ownerClient).countDocuments())
                    .as("closing a joiner leaves the server up")
                    .isOne();
        }
    }

    @Test
    void starting_on_a_taken_port_fails_instead_of_silently_using_another_server() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            EmbeddedMongoSettings settings =
                    new EmbeddedMongoSettings(taken.getLocalPort(), dataDir, EmbeddedMongoSettings.Backend.MEMORY);

            assertThatThrownBy(() -> EmbeddedMongoServer.start(settings))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void it_listens_on_loopback_only() throws IOException {
        EmbeddedMongoSettings settings = new EmbeddedMongoSettings(0, dataDir, EmbeddedMongoSettings.Backend.MEMORY);

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(settings)) {
            assertThat(server.connectionString()).isEqualTo("mongodb://127.0.0.1:" + server.port());
        }
    }
}
