package rasad.eventstore.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.ScopeAware;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rasad.eventstore.embedded.EmbeddedMongoServer;
import rasad.eventstore.embedded.EmbeddedMongoSettings;

/**
 * Durable deadlines on the embedded server, through the real driver: each due deadline runs once, and the
 * poller, which runs every second, reads nothing it has finished — after an import has put thousands of
 * follow-ups in the current hour, an idle Rasad must be at rest.
 */
class MongoDeadlineManagerTest {

    private static final Instant NOW = Instant.parse("2026-01-10T08:20:00Z");

    /** Where the deadlines of this test land. */
    record Inbox(String name) implements ScopeDescriptor {
        @Override
        public String scopeDescription() {
            return "inbox " + name;
        }
    }

    @TempDir
    Path dataDir;

    private EmbeddedMongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private final ConcurrentMap<Object, AtomicInteger> received = new ConcurrentHashMap<>();
    private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @BeforeEach
    void anEmbeddedServer() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = EmbeddedMongoServer.start(
                new EmbeddedMongoSettings(port, dataDir, EmbeddedMongoSettings.Backend.MEMORY));
        client = MongoClients.create(server.connectionString());
        database = client.getDatabase("rasad");
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void deadlines_due_now_run_once_and_leave_the_bucket_the_poller_reads_every_second() {
        MongoDeadlineManager deadlines = manager();
        for (int i = 0; i < 500; i++) {
            deadlines.schedule(NOW.minus(Duration.ofDays(200)), "follow-up", "job-" + i, new Inbox("jobs"));
        }

        List<Document> parts = database.getCollection("deadline_buckets")
                .find(new Document("ids", new Document("$exists", true)))
                .into(new ArrayList<>());
        long backlog = deadlines.dueBacklog();
        int first = deadlines.runDue();
        int second = deadlines.runDue();

        assertThat(parts)
                .as("no bucket document grows with the backlog")
                .hasSize(3)
                .allSatisfy(
                        part -> assertThat(part.getList("ids", String.class)).hasSizeLessThanOrEqualTo(200));
        assertThat(backlog).isEqualTo(500);
        assertThat(deadlines.dueBacklog()).isZero();
        assertThat(first).isEqualTo(500);
        assertThat(second).isZero();
        assertThat(received)
                .hasSize(500)
                .allSatisfy((payload, count) -> assertThat(count.get()).isOne());
        assertThat(database.getCollection("deadline_buckets")
                        .find(new Document("ids", new Document("$exists", true)))
                        .into(new ArrayList<>()))
                .allSatisfy(
                        part -> assertThat(part.getList("ids", String.class)).isEmpty());
    }

    @Test
    void a_cancelled_deadline_never_runs_and_a_cancel_under_another_name_changes_nothing() {
        MongoDeadlineManager deadlines = manager();
        String missed =
                deadlines.schedule(NOW.minus(Duration.ofDays(1)), "follow-up-missed", "job-1", new Inbox("jobs"));
        String visit = deadlines.schedule(NOW.minus(Duration.ofDays(1)), "visit-due", "visit-1", new Inbox("visits"));

        deadlines.cancelSchedule("follow-up-missed", missed);
        deadlines.cancelSchedule("follow-up-missed", visit);
        int ran = deadlines.runDue();

        assertThat(ran).isEqualTo(1);
        assertThat(received).containsOnlyKeys("visit-1");
        assertThat(statusOf(missed)).isEqualTo("CANCELLED");
        assertThat(statusOf(visit)).isEqualTo("DONE");
    }

    @Test
    void claims_are_looked_up_by_an_index_of_exactly_their_fields() {
        manager();

        List<Document> indexes =
                database.getCollection("deadlines").listIndexes().into(new ArrayList<>());

        // the embedded server scans the whole collection for a filter whose fields are not exactly an index's
        assertThat(indexes)
                .anySatisfy(index ->
                        assertThat(index.get("key", Document.class).keySet()).containsExactly("_id", "status"));
    }

    private String statusOf(String id) {
        return database.getCollection("deadlines")
                .find(new Document("_id", id))
                .first()
                .getString("status");
    }

    @Test
    void a_deadline_later_in_the_hour_stays_listed_until_it_runs() {
        MongoDeadlineManager deadlines = manager();
        deadlines.schedule(NOW.plus(Duration.ofMinutes(30)), "visit-due", "visit-1", new Inbox("visits"));

        assertThat(deadlines.runDue()).isZero();
        assertThat(idsListedIn(MongoDeadlineManager.hourOf(NOW.plus(Duration.ofMinutes(30)))))
                .hasSize(1);

        clock = Clock.fixed(NOW.plus(Duration.ofMinutes(31)), ZoneOffset.UTC);
        MongoDeadlineManager later = manager();
        assertThat(later.runDue()).isOne();
        assertThat(received.get("visit-1")).hasValue(1);
        assertThat(idsListedIn(MongoDeadlineManager.hourOf(NOW.plus(Duration.ofMinutes(30)))))
                .isEmpty();
    }

    @Test
    void a_cancelled_deadline_never_runs_and_is_dropped_from_its_bucket() {
        MongoDeadlineManager deadlines = manager();
        String id = deadlines.schedule(NOW.minusSeconds(5), "follow-up", "job-cancelled", new Inbox("jobs"));
        deadlines.cancelSchedule("follow-up", id);

        assertThat(deadlines.runDue()).isZero();
        assertThat(received).isEmpty();
        assertThat(idsListedIn(MongoDeadlineManager.hourOf(NOW))).isEmpty();
    }

    private List<String> idsListedIn(String hour) {
        Document bucket = database.getCollection("deadline_buckets")
                .find(new Document("_id", hour))
                .first();
        assertThat(bucket).as("the bucket of " + hour).isNotNull();
        return bucket.getList("ids", String.class);
    }

    private MongoDeadlineManager manager() {
        ScopeAware inbox = new ScopeAware() {
            @Override
            public void send(Message<?> message, ScopeDescriptor scope) {
                received.computeIfAbsent(((DeadlineMessage<?>) message).getPayload(), k -> new AtomicInteger())
                        .incrementAndGet();
            }

            @Override
            public boolean canResolve(ScopeDescriptor scope) {
                return scope instanceof Inbox;
            }
        };
        return new MongoDeadlineManager(
                database,
                () -> scope -> Stream.of(inbox),
                NoTransactionManager.INSTANCE,
                JacksonSerializer.defaultSerializer(),
                clock,
                "node-test",
                Duration.ofMinutes(5));
    }
}
