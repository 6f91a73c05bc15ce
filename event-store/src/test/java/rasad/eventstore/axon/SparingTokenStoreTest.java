package rasad.eventstore.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rasad.eventstore.embedded.EmbeddedMongoServer;
import rasad.eventstore.embedded.EmbeddedMongoSettings;

/** An idle processor's claim is written now and then, not every second, and stays its own all the same. */
class SparingTokenStoreTest {

    private EmbeddedMongoServer server;
    private MongoClient client;
    private final AtomicInteger updates = new AtomicInteger();

    @BeforeEach
    void start() {
        server = EmbeddedMongoServer.start(
                new EmbeddedMongoSettings(0, Path.of("unused"), EmbeddedMongoSettings.Backend.MEMORY));
        CommandListener counting = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("update")) {
                    updates.incrementAndGet();
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.connectionString()))
                .addCommandListener(counting)
                .build());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void an_idle_processor_extending_its_claim_every_second_writes_it_once_per_refresh_interval()
            throws InterruptedException {
        SparingTokenStore store = store("node-a", Duration.ofSeconds(30), Duration.ofMillis(300));
        store.initializeTokenSegments("alerts", 1);
        store.fetchToken("alerts", 0); // claims it

        updates.set(0);
        for (int i = 0; i < 20; i++) {
            store.extendClaim("alerts", 0);
        }
        assertThat(updates.get()).isZero();

        Thread.sleep(400);
        store.extendClaim("alerts", 0);
        store.extendClaim("alerts", 0);
        assertThat(updates.get()).isEqualTo(1);
    }

    @Test
    void a_claim_kept_fresh_this_way_cannot_be_taken_by_another_node_and_a_released_one_can() {
        SparingTokenStore holder = store("node-a", Duration.ofSeconds(30), Duration.ofSeconds(10));
        SparingTokenStore other = store("node-b", Duration.ofSeconds(30), Duration.ofSeconds(10));
        holder.initializeTokenSegments("alerts", 1);
        holder.fetchToken("alerts", 0);
        holder.extendClaim("alerts", 0);

        assertThatThrownBy(() -> other.fetchToken("alerts", 0)).isInstanceOf(UnableToClaimTokenException.class);

        holder.storeToken(new GlobalSequenceTrackingToken(7), "alerts", 0);
        holder.releaseClaim("alerts", 0);
        assertThat(other.fetchToken("alerts", 0)).isEqualTo(new GlobalSequenceTrackingToken(7));
        // the released holder's next extension is written, and refused: the claim is node-b's now
        assertThatThrownBy(() -> holder.extendClaim("alerts", 0)).isInstanceOf(UnableToClaimTokenException.class);
    }

    private SparingTokenStore store(String node, Duration claimTimeout, Duration refreshEvery) {
        MongoTokenStore.Builder builder = MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder()
                        .mongoDatabase(client, "tokens")
                        .build())
                .serializer(MessageSerialization.jacksonSerializer())
                .nodeId(node)
                .claimTimeout(claimTimeout);
        return new SparingTokenStore(builder, refreshEvery);
    }
}
