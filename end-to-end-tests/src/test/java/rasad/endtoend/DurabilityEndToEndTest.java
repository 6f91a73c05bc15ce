package rasad.endtoend;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.nio.file.Path;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rasad.eventstore.embedded.EmbeddedMongoServer;
import rasad.eventstore.embedded.EmbeddedMongoSettings;

/** Events, tracking tokens and read models survive a restart of Rasad and its embedded database (H2). */
class DurabilityEndToEndTest {

    @TempDir
    Path dataDir;

    private final RasadHttp http = new RasadHttp();

    @Test
    void events_tokens_and_read_models_survive_a_restart() throws IOException {
        int mongoPort = EmbeddedDefaultEndToEndTest.freePort();
        String tokenBefore;

        try (RasadCluster rasad = RasadCluster.embedded(mongoPort, dataDir, "h2")) {
            http.post(
                    rasad.commandUrl() + "/api/facilities",
                    "bank-officer",
                    RasadHttp.grant("durable-1", "0499370899", "tabriz", "bank-melli"));
            GrantAndReadBackScenario.awaitCase(http, rasad.queryUrl() + "/api/facilities/durable-1");
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
                tokenBefore = facilitiesToken(client.getDatabase("rasad"))
                        .get("token")
                        .toString();
            }
        }

        // While everything is down, mark the read model: a processor that lost its token would replay from
        // the first event and overwrite the mark; one that kept it leaves the mark alone.
        try (var database = EmbeddedMongoServer.start(
                        new EmbeddedMongoSettings(mongoPort, dataDir, EmbeddedMongoSettings.Backend.H2));
                MongoClient client = MongoClients.create(database.connectionString())) {
            client.getDatabase("rasad")
                    .getCollection("facilities")
                    .updateOne(eq("_id", "durable-1"), set("status", "MARKED-WHILE-DOWN"));
        }

        try (RasadCluster rasad = RasadCluster.embedded(mongoPort, dataDir, "h2")) {
            RasadHttp.Response readModel = http.get(rasad.queryUrl() + "/api/facilities/durable-1", "manager");
            assertThat(readModel.status()).isEqualTo(200);

            RasadHttp.Response retry = http.post(
                    rasad.commandUrl() + "/api/facilities",
                    "bank-officer",
                    RasadHttp.grant("durable-1", "0499370899", "tabriz", "bank-melli"));
            assertThat(retry.status())
                    .as("the stored event makes the retry idempotent")
                    .isEqualTo(201);

            http.post(
                    rasad.commandUrl() + "/api/facilities",
                    "bank-officer",
                    RasadHttp.grant("durable-2", "0013542419", "tabriz", "bank-melli"));
            GrantAndReadBackScenario.awaitCase(http, rasad.queryUrl() + "/api/facilities/durable-2");

            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
                MongoDatabase database = client.getDatabase("rasad");
                assertThat(rasad.querySide()
                                .getBean(EventStore.class)
                                .readEvents("durable-1")
                                .asStream()
                                .count())
                        .as("the event survived, once")
                        .isOne();
                assertThat(http.get(rasad.queryUrl() + "/api/facilities/durable-1", "manager")
                                .json()
                                .get("status")
                                .asText())
                        .as("the processor resumed from its stored token instead of replaying")
                        .isEqualTo("MARKED-WHILE-DOWN");
                assertThat(facilitiesToken(database).get("token").toString()).isNotEqualTo(tokenBefore);
            }
        }
    }

    private static Document facilitiesToken(MongoDatabase database) {
        Document token = database.getCollection("trackingtokens")
                .find(eq("processorName", "facilities"))
                .first();
        assertThat(token).as("the facilities processor stored its token").isNotNull();
        return token;
    }
}
