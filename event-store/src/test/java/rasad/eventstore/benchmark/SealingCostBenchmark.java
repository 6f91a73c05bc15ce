package rasad.eventstore.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import rasad.eventstore.axon.MessageSerialization;
import rasad.eventstore.axon.PeriodicTask;
import rasad.eventstore.embedded.EmbeddedMongoServer;
import rasad.eventstore.embedded.EmbeddedMongoSettings;
import rasad.eventstore.engine.EventStoreCollections;
import rasad.eventstore.engine.RasadEventStorageEngine;
import rasad.eventstore.integrity.EventStoreSealer;
import rasad.eventstore.integrity.EventStoreVerifier;
import rasad.eventstore.integrity.FileWitness;
import rasad.eventstore.integrity.IntegrityFindings;
import rasad.eventstore.integrity.SealKeys;

/**
 * What sealing costs the writers: append throughput with the sealer running every 2 s (checking, signing,
 * witnessing every block) beside the same appends with no sealer, in alternating rounds on one embedded
 * server, so that both see the same machine. Prints medians and the ratio, and checks at the end that what
 * was sealed verifies. Run by {@code bench/sealing.sh}.
 */
public final class SealingCostBenchmark {

    private static final int ROUNDS = 7;
    /** About four seconds a round on this machine: every round with the sealer sees two or more of its passes. */
    private static final int COMMITS_PER_ROUND = 16_000;

    private static final int WRITERS = 2;

    private SealingCostBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : ROUNDS;
        Path keys = Files.createTempDirectory("rasad-bench-keys");
        FileWitness witness =
                new FileWitness(Files.createTempDirectory("rasad-bench-witness").resolve("seals.jsonl"));
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(
                        new EmbeddedMongoSettings(0, Path.of("unused"), EmbeddedMongoSettings.Backend.MEMORY));
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase sealedDb = client.getDatabase("sealed");
            MongoDatabase unsealedDb = client.getDatabase("unsealed");
            EventStoreCollections sealedStore = EventStoreCollections.in(sealedDb);
            RasadEventStorageEngine sealedEngine = engine(sealedStore);
            RasadEventStorageEngine unsealedEngine = engine(EventStoreCollections.in(unsealedDb));
            EventStoreSealer sealer = new EventStoreSealer(
                    sealedStore,
                    new EventStoreSealer.Settings(1024, Duration.ofSeconds(60), Duration.ofSeconds(60)),
                    Clock.systemUTC(),
                    SealKeys.watching(keys, Clock.systemUTC()),
                    witness,
                    new IntegrityFindings(sealedStore, Clock.systemUTC(), null),
                    null);
            appendRate(sealedEngine, 1_000); // warm up both paths
            appendRate(unsealedEngine, 1_000);
            double[] withSealer = new double[rounds];
            double[] without = new double[rounds];
            AtomicLong sealerNanos = new AtomicLong();
            long[] appendNanos = {0};
            Runnable timedPass = () -> {
                long start = System.nanoTime();
                sealer.sealAvailable();
                sealerNanos.addAndGet(System.nanoTime() - start);
            };
            try (PeriodicTask sealing = new PeriodicTask("bench-sealer", Duration.ofSeconds(2), timedPass)) {
                for (int round = 0; round < rounds; round++) {
                    // the order alternates, so that neither side always runs first (after the other's garbage)
                    if (round % 2 == 1) {
                        without[round] = appendRate(unsealedEngine, COMMITS_PER_ROUND);
                    }
                    long start = System.nanoTime();
                    withSealer[round] = appendRate(sealedEngine, COMMITS_PER_ROUND);
                    appendNanos[0] += System.nanoTime() - start;
                    if (round % 2 == 0) {
                        without[round] = appendRate(unsealedEngine, COMMITS_PER_ROUND);
                    }
                    System.err.printf(
                            "round %d: without sealer %,.0f, with sealer %,.0f events/s%n",
                            round + 1, without[round], withSealer[round]);
                }
            }
            long sealedDuringAppends = sealerNanos.get();
            sealer.sealAvailable();
            var report = new EventStoreVerifier(sealedStore, () -> SealKeys.publicKeysIn(keys)).verify();
            if (!report.intact()) {
                throw new IllegalStateException("the sealed store does not verify: " + report);
            }
            double a = median(without);
            double b = median(withSealer);
            double[] paired = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                paired[round] = 100 * (without[round] - withSealer[round]) / without[round];
            }
            System.out.printf(
                    "# Sealing cost, %s, %d cores, Java %s, %d writers, 1-event commits, %d rounds of %,d%n",
                    Instant.now(),
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"),
                    WRITERS,
                    rounds,
                    COMMITS_PER_ROUND);
            System.out.println("| measure | value |");
            System.out.println("|---|---:|");
            System.out.printf("| appends without a sealer, events/s (median, baseline) | %,.0f |%n", a);
            System.out.printf("| appends with the sealer every 2 s, events/s (median) | %,.0f |%n", b);
            System.out.printf(
                    "| cost of sealing, %% of append throughput (of the medians) | %.1f |%n", 100 * (a - b) / a);
            System.out.printf(
                    "| cost of sealing, %% (median of the rounds' paired differences) | %.1f |%n", median(paired));
            System.out.printf(
                    "| sealer busy, ms per 1,000 events appended | %.1f |%n",
                    sealedDuringAppends / 1e6 / (rounds * COMMITS_PER_ROUND / 1000.0));
            System.out.printf(
                    "| appending, ms per 1,000 events (wall, %d writers) | %.1f |%n",
                    WRITERS, appendNanos[0] / 1e6 / (rounds * COMMITS_PER_ROUND / 1000.0));
            System.out.printf(
                    "| sealer busy ÷ appending time, %% | %.1f |%n", 100.0 * sealedDuringAppends / appendNanos[0]);
            System.out.printf(
                    "| blocks sealed, signed and witnessed; verified intact | %,d |%n", report.blocksChecked());
        }
        System.exit(0);
    }

    private static RasadEventStorageEngine engine(EventStoreCollections store) {
        return RasadEventStorageEngine.builder()
                .store(store)
                .eventSerializer(MessageSerialization.jacksonSerializer())
                .snapshotSerializer(MessageSerialization.jacksonSerializer())
                .build();
    }

    private static final AtomicLong AGGREGATES = new AtomicLong();

    private static double appendRate(RasadEventStorageEngine engine, int commits) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        long start = System.nanoTime();
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            writers.add(pool.submit(() -> {
                for (int c = 0; c < commits / WRITERS; c++) {
                    engine.appendEvents(new GenericDomainEventMessage<>(
                            "Facility",
                            "f-" + AGGREGATES.incrementAndGet(),
                            0,
                            Map.of("amount", 1_000_000L, "county", "tabriz"),
                            Map.of("actor", "bench")));
                }
            }));
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();
        return commits / ((System.nanoTime() - start) / 1e9);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
