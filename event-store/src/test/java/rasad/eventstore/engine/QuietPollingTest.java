package rasad.eventstore.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static rasad.eventstore.engine.EventStoreUnderTest.event;
import static rasad.eventstore.engine.EventStoreUnderTest.payloads;
import static rasad.eventstore.engine.EventStoreUnderTest.readAll;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rasad.eventstore.axon.MessageSerialization;
import rasad.eventstore.embedded.EmbeddedMongoServer;
import rasad.eventstore.embedded.EmbeddedMongoSettings;

/**
 * A reader that has caught up asks the store less and less while nothing comes (an idle Rasad leaves its
 * database alone), yet reads its own process's events at once and another process's within the longest wait.
 */
class QuietPollingTest {

    private static final Duration LONGEST = Duration.ofMillis(800);

    private EmbeddedMongoServer server;
    private MongoClient readerClient;
    private MongoClient writerClient;
    private final AtomicInteger readerLookups = new AtomicInteger();
    private RasadEventStorageEngine reader;
    private RasadEventStorageEngine otherProcess;

    @BeforeEach
    void start() {
        server = EmbeddedMongoServer.start(
                new EmbeddedMongoSettings(0, Path.of("unused"), EmbeddedMongoSettings.Backend.MEMORY));
        CommandListener counting = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("find")) {
                    readerLookups.incrementAndGet();
                }
            }
        };
        readerClient = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.connectionString()))
                .addCommandListener(counting)
                .build());
        writerClient = MongoClients.create(server.connectionString());
        reader = engine(readerClient, LONGEST);
        otherProcess = engine(writerClient, Duration.ZERO);
    }

    @AfterEach
    void stop() {
        readerClient.close();
        writerClient.close();
        server.close();
    }

    @Test
    void a_caught_up_reader_asked_again_and_again_looks_at_the_store_only_now_and_then() {
        otherProcess.appendEvents(event("f-1", 0, "granted"));
        TrackingToken caughtUp = lastToken(readAll(reader, null));

        readerLookups.set(0);
        for (int ask = 0; ask < 50; ask++) {
            assertThat(readAll(reader, caughtUp)).isEmpty();
        }

        // the first empty answer costs the window and the head, the next the head alone; then it waits
        assertThat(readerLookups.get()).isLessThanOrEqualTo(3);
    }

    @Test
    void an_event_appended_in_the_readers_own_process_is_read_at_once_however_long_it_has_been_quiet()
            throws InterruptedException {
        otherProcess.appendEvents(event("f-1", 0, "granted"));
        TrackingToken caughtUp = lastToken(readAll(reader, null));
        quietFor(reader, caughtUp, Duration.ofMillis(600));

        reader.appendEvents(event("f-1", 1, "paid"));

        assertThat(payloads(readAll(reader, caughtUp))).containsExactly("paid");
    }

    @Test
    void another_processs_event_after_a_quiet_spell_is_read_within_the_longest_wait() throws InterruptedException {
        otherProcess.appendEvents(event("f-1", 0, "granted"));
        TrackingToken caughtUp = lastToken(readAll(reader, null));
        quietFor(reader, caughtUp, Duration.ofMillis(600));

        otherProcess.appendEvents(event("f-1", 1, "paid"));

        // asked every 100 ms as Axon's event store does; 30 asks are three seconds, far past the longest wait
        List<TrackedEventMessage<?>> read = List.of();
        for (int ask = 0; ask < 30 && read.isEmpty(); ask++) {
            Thread.sleep(100);
            read = readAll(reader, caughtUp);
        }
        assertThat(payloads(read)).containsExactly("paid");
    }

    @Test
    void without_a_longest_wait_every_ask_looks_at_the_store() {
        otherProcess.appendEvents(event("f-1", 0, "granted"));
        TrackingToken caughtUp = lastToken(readAll(otherProcess, null));

        otherProcess.appendEvents(event("f-1", 1, "paid"));

        assertThat(payloads(readAll(otherProcess, caughtUp))).containsExactly("paid");
        RasadEventStorageEngine eager = engine(readerClient, Duration.ZERO);
        TrackingToken after = lastToken(readAll(eager, null));
        readerLookups.set(0);
        for (int ask = 0; ask < 10; ask++) {
            assertThat(readAll(eager, after)).isEmpty();
        }
        assertThat(readerLookups.get()).isGreaterThanOrEqualTo(10);
    }

    /** Asks the reader every 100 ms for {@code spell}, with nothing new: its waits grow. */
    private static void quietFor(RasadEventStorageEngine reader, TrackingToken token, Duration spell)
            throws InterruptedException {
        for (long asked = 0; asked < spell.toMillis(); asked += 100) {
            assertThat(readAll(reader, token)).isEmpty();
            Thread.sleep(100);
        }
    }

    private static TrackingToken lastToken(List<TrackedEventMessage<?>> read) {
        assertThat(read).isNotEmpty();
        return read.get(read.size() - 1).trackingToken();
    }

    private static RasadEventStorageEngine engine(MongoClient client, Duration longest) {
        return RasadEventStorageEngine.builder()
                .store(EventStoreCollections.in(client.getDatabase("quiet")))
                .eventSerializer(MessageSerialization.jacksonSerializer())
                .snapshotSerializer(MessageSerialization.jacksonSerializer())
                .quietPollingUpTo(longest)
                .build();
    }
}
