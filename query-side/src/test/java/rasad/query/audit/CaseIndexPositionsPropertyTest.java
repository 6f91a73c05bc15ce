package rasad.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import rasad.eventstore.axon.AxonOnMongoAutoConfiguration;
import rasad.eventstore.axon.MessageSerialization;
import rasad.eventstore.embedded.EmbeddedMongoServer;
import rasad.eventstore.embedded.EmbeddedMongoSettings;
import rasad.eventstore.engine.EventStoreCollections;
import rasad.eventstore.engine.RasadEventStorageEngine;
import rasad.eventstore.engine.StoredPosition;
import rasad.eventstore.integrity.EventStoreSealer;
import rasad.eventstore.integrity.EventStoreVerifier;
import rasad.eventstore.integrity.FileWitness;
import rasad.eventstore.integrity.IntegrityFindings;
import rasad.eventstore.integrity.SealIndex;
import rasad.eventstore.integrity.SealKeys;
import rasad.query.processing.ReadModelCollections;

/**
 * Several writers commit concurrently, some held back between reserving their positions and inserting their
 * commit, while a tracking reader indexes what it is delivered: a commit that lands late fills a gap below the
 * token's high-water mark. Whatever the interleaving (the seed is printed), the case index must hold each
 * event's own position, so every case's history is complete and every case verifies intact.
 */
class CaseIndexPositionsPropertyTest {

    /** An event about a facility, as the index finds facilities: by a component named {@code facilityId}. */
    record CaseNoted(String facilityId, String note) {}

    private static final int WRITERS = 4;
    private static final int COMMITS_PER_WRITER = 12;
    private static final int FACILITIES_PER_WRITER = 2;

    private EmbeddedMongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private EventStoreCollections collections;
    private CaseIndex index;
    private CaseIndexProjection projection;
    private CaseHistory history;
    private CaseVerifier verifier;

    @BeforeEach
    void startDatabase() {
        server = EmbeddedMongoServer.start(
                new EmbeddedMongoSettings(0, Path.of("unused"), EmbeddedMongoSettings.Backend.MEMORY));
        client = MongoClients.create(server.connectionString());
        database = client.getDatabase("rasad");
        collections = EventStoreCollections.in(database);
        index = new CaseIndex(new ReadModelCollections(database, Clock.systemUTC()));
        projection = new CaseIndexProjection(index);
    }

    @AfterEach
    void stopDatabase() {
        client.close();
        server.close();
    }

    @RepeatedTest(5)
    void
            given_commits_landing_late_to_fill_gaps_when_indexed_then_every_case_holds_its_events_own_positions_and_verifies_intact(
                    RepetitionInfo repetition) throws Exception {
        long seed = System.nanoTime() ^ repetition.getCurrentRepetition();
        System.out.println("CaseIndexPositionsPropertyTest seed " + seed);
        Random random = new Random(seed);
        RasadEventStorageEngine reader = engine(MessageSerialization.jacksonSerializer());
        history = new CaseHistory(index, reader, null);
        Path keys = Files.createTempDirectory("rasad-seal-keys");
        Path witness = Files.createTempDirectory("rasad-witness").resolve("seals.jsonl");
        verifier = new CaseVerifier(
                reader,
                new EventStoreVerifier(collections, () -> SealKeys.publicKeysIn(keys)),
                new CaseVerifications(database),
                new SealIndex(collections),
                new AxonOnMongoAutoConfiguration.SealKeyLocation(keys, keys, witness),
                new FileWitness(witness),
                Clock.systemUTC());
        // blocks of 8 closed at once: most of the cases' positions are sealed, and checked against their seals
        EventStoreSealer sealer = new EventStoreSealer(
                collections,
                new EventStoreSealer.Settings(8, Duration.ofSeconds(60), Duration.ZERO),
                Clock.systemUTC(),
                SealKeys.watching(keys, Clock.systemUTC()),
                new FileWitness(witness),
                new IntegrityFindings(collections, Clock.systemUTC(), null),
                null);

        Map<String, List<String>> writtenPerFacility = new ConcurrentHashMap<>();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writes = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            long writerSeed = random.nextLong();
            writes.add(writers.submit(() -> write(writer, new Random(writerSeed), writtenPerFacility)));
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService tracking = Executors.newSingleThreadExecutor();
        Future<Integer> indexed = tracking.submit(() -> track(reader, writing));
        for (Future<?> write : writes) {
            write.get(60, TimeUnit.SECONDS);
        }
        writing.set(false);
        writers.shutdown();
        tracking.shutdown();
        int delivered = indexed.get(60, TimeUnit.SECONDS);
        sealer.sealAvailable();
        assertThat(new SealIndex(collections).sealedUpTo())
                .as("seed %d: sealed up to the head", seed)
                .isEqualTo(reader.headPosition());

        int written = writtenPerFacility.values().stream().mapToInt(List::size).sum();
        assertThat(delivered).as("seed %d: events delivered to the index", seed).isEqualTo(written);
        for (Map.Entry<String, List<String>> facility : writtenPerFacility.entrySet()) {
            List<IndexedEvent> entries = index.events(facility.getKey()).orElseThrow();
            Map<Long, StoredPosition> stored =
                    reader.storedAt(entries.stream().map(IndexedEvent::position).toList());
            for (IndexedEvent entry : entries) {
                StoredPosition there = stored.get(entry.position());
                assertThat(there.holding())
                        .as("seed %d: %s at %d", seed, facility.getKey(), entry.position())
                        .isEqualTo(StoredPosition.Holding.EVENT);
                assertThat(there.event().getString("eventId"))
                        .as(
                                "seed %d: the event stored at indexed position %d of %s",
                                seed, entry.position(), facility.getKey())
                        .isEqualTo(entry.eventId());
            }
            List<CaseHistory.Read> read = history.read(entries);
            List<CaseEvent> shown = history.events(read);
            assertThat(shown)
                    .as("seed %d: history of %s", seed, facility.getKey())
                    .extracting(CaseEvent::eventId)
                    .containsExactlyInAnyOrderElementsOf(facility.getValue());
            assertThat(shown).extracting(CaseEvent::position).isSorted();
            assertThat(shown).extracting(CaseEvent::integrity).containsOnly(ItemIntegrity.OK);
            assertThat(history.missing(read))
                    .as("seed %d: missing positions of %s", seed, facility.getKey())
                    .isEmpty();
            CaseVerification verification = verifier.verify(entries);
            assertThat(verification.firstBrokenLink())
                    .as("seed %d: verification of %s", seed, facility.getKey())
                    .isNull();
            assertThat(verification.intact()).isTrue();
        }
    }

    /** One writer's commits, each of one or two events; about a third held back before they land. */
    private void write(int writer, Random random, Map<String, List<String>> writtenPerFacility) {
        DelayingSerializer serializer = new DelayingSerializer(random);
        RasadEventStorageEngine engine = engine(serializer);
        long[] sequences = new long[FACILITIES_PER_WRITER];
        for (int c = 0; c < COMMITS_PER_WRITER; c++) {
            int f = random.nextInt(FACILITIES_PER_WRITER);
            String facilityId = "f-" + writer + "-" + f;
            int events = 1 + random.nextInt(2);
            List<GenericDomainEventMessage<CaseNoted>> commit = new ArrayList<>();
            for (int e = 0; e < events; e++) {
                commit.add(new GenericDomainEventMessage<>(
                        "Facility",
                        facilityId,
                        sequences[f]++,
                        new CaseNoted(facilityId, "commit " + c + " event " + e),
                        MetaData.with("actor", "writer-" + writer)));
            }
            serializer.holdNext(random.nextInt(3) == 0 ? 5 + random.nextInt(40) : 0);
            engine.appendEvents(commit);
            commit.forEach(event -> writtenPerFacility
                    .computeIfAbsent(facilityId, id -> Collections.synchronizedList(new ArrayList<>()))
                    .add(event.getIdentifier()));
        }
    }

    /** What a tracking processor does: read after its token, hand each event and its token to the handler. */
    private int track(RasadEventStorageEngine reader, AtomicBoolean writing) throws InterruptedException {
        TrackingToken token = reader.createTailToken();
        int delivered = 0;
        boolean lastRound = false;
        while (true) {
            boolean stillWriting = writing.get();
            List<TrackedEventMessage<?>> batch = new ArrayList<>();
            reader.readEvents(token, false).forEach(batch::add);
            for (TrackedEventMessage<?> event : batch) {
                projection.on(event.getPayload(), event, event.trackingToken());
                token = event.trackingToken();
                delivered++;
            }
            if (!stillWriting && batch.isEmpty()) {
                if (lastRound) {
                    return delivered;
                }
                lastRound = true;
            }
            Thread.sleep(2);
        }
    }

    private RasadEventStorageEngine engine(JacksonSerializer serializer) {
        return RasadEventStorageEngine.builder()
                .store(collections)
                .nodeId("writer")
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .batchSize(50)
                .build();
    }

    /**
     * Sleeps while serializing a commit's first payload — after the writer reserved its positions, before it
     * inserts the commit — so that later writers land first and this commit fills a gap late.
     */
    static final class DelayingSerializer extends JacksonSerializer {
        private final Random random;
        private volatile int holdMillis;

        DelayingSerializer(Random random) {
            super(JacksonSerializer.builder().objectMapper(MessageSerialization.objectMapper()));
            this.random = random;
        }

        void holdNext(int millis) {
            holdMillis = millis;
        }

        @Override
        public <T> SerializedObject<T> serialize(Object object, Class<T> expected) {
            int hold = holdMillis;
            if (hold > 0 && object instanceof CaseNoted) {
                holdMillis = 0;
                try {
                    Thread.sleep(hold + random.nextInt(3));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return super.serialize(object, expected);
        }
    }
}
