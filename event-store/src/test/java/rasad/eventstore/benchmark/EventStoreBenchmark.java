package rasad.eventstore.benchmark;

import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import rasad.eventstore.axon.MessageSerialization;
import rasad.eventstore.embedded.EmbeddedMongoServer;
import rasad.eventstore.embedded.EmbeddedMongoSettings;
import rasad.eventstore.engine.EventStoreCollections;
import rasad.eventstore.engine.RasadEventStorageEngine;

/**
 * Rasad's event store beside the raw MongoDB driver doing the equivalent work on the same embedded server,
 * at several store sizes, on the memory and H2 backends. Prints a Markdown table of medians and ratios.
 * Run with {@code bench/event-store.sh} (see docs/performance.md); not part of the test suite.
 */
public final class EventStoreBenchmark {

    private static final int ROUNDS = 5;
    private static final Serializer JSON = MessageSerialization.jacksonSerializer();
    private final RasadEventStorageEngine engine;
    private final MongoCollection<Document> raw;
    private final AtomicLong nextAggregate = new AtomicLong();
    private final AtomicLong rawPosition = new AtomicLong();
    private final List<String> loadable = new ArrayList<>();

    private EventStoreBenchmark(MongoDatabase database) {
        this.engine = RasadEventStorageEngine.builder()
                .store(EventStoreCollections.in(database))
                .eventSerializer(JSON)
                .snapshotSerializer(JSON)
                .batchSize(100)
                .nodeId("benchmark")
                .build();
        this.raw = database.getCollection("raw_events");
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = args.length > 0
                ? Arrays.stream(args[0].split(",")).map(Integer::parseInt).toList()
                : List.of(10_000, 100_000, 1_000_000);
        List<String> backends = args.length > 1 ? List.of(args[1].split(",")) : List.of("memory", "h2");
        System.out.printf(
                "# Event store benchmark, %s, %d cores, Java %s%n",
                Instant.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.println("| backend | stored events | measure | Rasad engine | raw driver | Rasad ÷ raw |");
        System.out.println("|---|---:|---|---:|---:|---:|");
        for (String backend : backends) {
            Path dataDir = Files.createTempDirectory("rasad-bench");
            EmbeddedMongoSettings.Backend kind =
                    EmbeddedMongoSettings.Backend.valueOf(backend.toUpperCase(Locale.ROOT));
            try (EmbeddedMongoServer server = EmbeddedMongoServer.start(new EmbeddedMongoSettings(0, dataDir, kind));
                    MongoClient client = MongoClients.create(server.connectionString())) {
                // Warm up the JIT on a throw-away store, so that the first size is not measured cold.
                EventStoreBenchmark warmUp = new EventStoreBenchmark(client.getDatabase("warmup"));
                warmUp.fillTo(5_000);
                warmUp.measure(backend, 5_000, false);
                client.getDatabase("warmup").drop();
                EventStoreBenchmark bench = new EventStoreBenchmark(client.getDatabase("bench"));
                for (int size : sizes) {
                    bench.fillTo(size);
                    bench.measure(backend, size, true);
                }
            }
        }
    }

    /** Fills both stores to {@code size} events: the engine with 100-event commits, raw with bulk inserts. */
    private void fillTo(int size) {
        while (engine.headPosition() < size) {
            String aggregate = "fill-" + nextAggregate.incrementAndGet();
            List<DomainEventMessage<?>> commit = new ArrayList<>();
            for (int s = 0; s < Math.min(100, size - engine.headPosition()); s++) {
                commit.add(event(aggregate, s));
            }
            engine.appendEvents(commit);
        }
        while (rawPosition.get() < size) {
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < 1000 && rawPosition.get() < size; i++) {
                batch.add(rawEvent(rawPosition.incrementAndGet(), "fill", 0));
            }
            raw.insertMany(batch);
        }
        if (loadable.isEmpty()) {
            // aggregates of 20 events in 4 commits, to load
            for (int a = 0; a < 50; a++) {
                String aggregate = "load-" + a;
                for (int c = 0; c < 4; c++) {
                    List<DomainEventMessage<?>> commit = new ArrayList<>();
                    for (int s = c * 5; s < c * 5 + 5; s++) {
                        commit.add(event(aggregate, s));
                    }
                    engine.appendEvents(commit);
                }
                loadable.add(aggregate);
            }
        }
    }

    private void measure(String backend, int size, boolean print) throws Exception {
        for (int eventsPerCommit : new int[] {1, 5}) {
            for (int writers : new int[] {1, 4}) {
                int commits = 500;
                double rasad = median(() -> appendRate(writers, commits, eventsPerCommit, true));
                double driver = median(() -> appendRate(writers, commits, eventsPerCommit, false));
                if (print) {
                    row(
                            backend,
                            size,
                            "append, " + eventsPerCommit + "-event commits, " + writers + " writer(s), events/s",
                            rasad,
                            driver);
                }
            }
        }
        double loadRasad = median(() -> loadMillis(true));
        double loadRaw = median(() -> loadMillis(false));
        if (print) {
            row(backend, size, "load a 20-event aggregate, ms (lower is better)", loadRasad, loadRaw);
        }
        double readRasad = median(() -> trackingRate(true));
        double readRaw = median(() -> trackingRate(false));
        if (print) {
            row(backend, size, "tracking read of 10,000 events, events/s", readRasad, readRaw);
        }
    }

    private double appendRate(int writers, int commitsPerWriter, int eventsPerCommit, boolean rasad) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            done.add(pool.submit(() -> {
                String aggregate = "append-" + nextAggregate.incrementAndGet();
                long sequence = 0;
                for (int c = 0; c < commitsPerWriter; c++) {
                    if (rasad) {
                        List<DomainEventMessage<?>> commit = new ArrayList<>();
                        for (int e = 0; e < eventsPerCommit; e++) {
                            commit.add(event(aggregate, sequence++));
                        }
                        engine.appendEvents(commit);
                    } else {
                        List<Document> commit = new ArrayList<>();
                        for (int e = 0; e < eventsPerCommit; e++) {
                            commit.add(rawEvent(rawPosition.incrementAndGet(), aggregate, sequence++));
                        }
                        raw.insertMany(commit);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return (double) writers * commitsPerWriter * eventsPerCommit / ((System.nanoTime() - start) / 1e9);
    }

    private double loadMillis(boolean rasad) {
        long start = System.nanoTime();
        int loads = 100;
        for (int i = 0; i < loads; i++) {
            String aggregate = loadable.get(i % loadable.size());
            if (rasad) {
                if (engine.readEvents(aggregate).asStream().count() != 20) {
                    throw new IllegalStateException("expected 20 events of " + aggregate);
                }
            } else {
                // the raw equivalent: the aggregate's 20 event documents by their keys, in one lookup
                List<Long> positions = new ArrayList<>();
                long base = 1 + (i % 1000) * 20L;
                for (long p = base; p < base + 20; p++) {
                    positions.add(p);
                }
                raw.find(in("_id", positions)).into(new ArrayList<>());
            }
        }
        return (System.nanoTime() - start) / 1e6 / loads;
    }

    private double trackingRate(boolean rasad) {
        int events = 10_000;
        long start = System.nanoTime();
        long from = Math.max(0, engine.headPosition() - events - 1000);
        long read = 0;
        if (rasad) {
            GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(from, List.of());
            var stream = engine.readEvents(token, false).iterator();
            while (read < events && stream.hasNext()) {
                TrackedEventMessage<?> event = stream.next();
                event.getPayload();
                read++;
            }
        } else {
            long position = Math.max(0, rawPosition.get() - events - 1000);
            while (read < events) {
                List<Long> batch = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    batch.add(++position);
                }
                for (Document document : raw.find(in("_id", batch))) {
                    JSON.deserialize(new SimpleSerializedObject<>(
                            document.getString("payload"), String.class, Map.class.getName(), null));
                    read++;
                }
            }
        }
        return read / ((System.nanoTime() - start) / 1e9);
    }

    private static DomainEventMessage<?> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>(
                "Facility",
                aggregate,
                sequence,
                Map.of("facilityId", aggregate, "sequence", sequence, "amount", 3_000_000_000L, "county", "tabriz"));
    }

    /** The same event as a plain document: serialized payload and metadata, but no position, chain or key. */
    private static Document rawEvent(long position, String aggregate, long sequence) {
        String payload = JSON.serialize(
                        Map.of(
                                "facilityId",
                                aggregate,
                                "sequence",
                                sequence,
                                "amount",
                                3_000_000_000L,
                                "county",
                                "tabriz"),
                        String.class)
                .getData();
        return new Document("_id", position)
                .append("aggregateId", aggregate)
                .append("sequence", sequence)
                .append("payloadType", "java.util.Map")
                .append("payload", payload)
                .append("metaData", "{}")
                .append("timestamp", Instant.now().toString());
    }

    private interface Measurement {
        double run() throws Exception;
    }

    private static double median(Measurement measurement) throws Exception {
        double[] values = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            values[i] = measurement.run();
        }
        Arrays.sort(values);
        return values[ROUNDS / 2];
    }

    private static void row(String backend, int size, String measure, double rasad, double raw) {
        System.out.printf(
                Locale.ROOT,
                "| %s | %,d | %s | %,.1f | %,.1f | %.0f %% |%n",
                backend,
                size,
                measure,
                rasad,
                raw,
                100 * rasad / raw);
    }
}
