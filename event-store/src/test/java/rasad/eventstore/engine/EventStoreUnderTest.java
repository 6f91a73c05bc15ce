package rasad.eventstore.engine;

import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import rasad.eventstore.axon.MessageSerialization;
import rasad.eventstore.integrity.EventStoreSealer;
import rasad.eventstore.integrity.EventStoreVerifier;
import rasad.eventstore.integrity.FileWitness;
import rasad.eventstore.integrity.IntegrityFindings;
import rasad.eventstore.integrity.SealKeys;

/** Rasad's event store wired as the applications wire it, on a database a test provides. */
final class EventStoreUnderTest {

    static final Duration GAP_TIMEOUT = Duration.ofSeconds(30);
    static final Duration BLOCK_MAX_AGE = Duration.ofSeconds(60);

    final MongoDatabase database;
    final EventStoreCollections collections;
    final MutableClock sealerClock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    final RasadEventStorageEngine engine;
    final EventStoreSealer sealer;
    final EventStoreVerifier verifier;
    final Path keyDirectory;
    final FileWitness witness;
    final IntegrityFindings findings;

    EventStoreUnderTest(MongoDatabase database) {
        this(database, MessageSerialization.jacksonSerializer(), Clock.systemUTC(), 8);
    }

    EventStoreUnderTest(MongoDatabase database, Serializer serializer, Clock writerClock, int blockSize) {
        this(
                database,
                serializer,
                writerClock,
                blockSize,
                temporaryDirectory("seal-keys"),
                new FileWitness(temporaryDirectory("witness").resolve("seals.jsonl")));
    }

    /** A process started again on the same database, seal keys and witness. */
    EventStoreUnderTest(MongoDatabase database, Path keyDirectory, FileWitness witness) {
        this(database, MessageSerialization.jacksonSerializer(), Clock.systemUTC(), 8, keyDirectory, witness);
    }

    private EventStoreUnderTest(
            MongoDatabase database,
            Serializer serializer,
            Clock writerClock,
            int blockSize,
            Path keyDirectory,
            FileWitness witness) {
        this.database = database;
        this.collections = EventStoreCollections.in(database);
        this.engine = engine(serializer, writerClock);
        this.keyDirectory = keyDirectory;
        this.witness = witness;
        this.findings = new IntegrityFindings(collections, sealerClock, null);
        this.sealer = new EventStoreSealer(
                collections,
                new EventStoreSealer.Settings(blockSize, GAP_TIMEOUT, BLOCK_MAX_AGE),
                sealerClock,
                SealKeys.watching(keyDirectory, sealerClock),
                witness,
                findings,
                null);
        this.verifier = new EventStoreVerifier(collections, () -> SealKeys.publicKeysIn(keyDirectory));
    }

    private static Path temporaryDirectory(String name) {
        try {
            return Files.createTempDirectory("rasad-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Another writer process on the same store, with its own clock and serializer. */
    RasadEventStorageEngine engine(Serializer serializer, Clock writerClock) {
        return RasadEventStorageEngine.builder()
                .store(collections)
                .clock(writerClock)
                .nodeId("test-writer")
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .batchSize(50)
                .build();
    }

    static DomainEventMessage<String> event(String aggregateId, long sequence, String payload) {
        return new GenericDomainEventMessage<>("Facility", aggregateId, sequence, payload, Map.of("actor", "tester"));
    }

    static DomainEventMessage<String> eventAt(String aggregateId, long sequence, String payload, Instant timestamp) {
        return new GenericDomainEventMessage<>(
                "Facility",
                aggregateId,
                sequence,
                payload,
                MetaData.with("actor", "tester"),
                UUID.randomUUID().toString(),
                timestamp);
    }

    /** What a tracking processor reads after {@code token}: all of it, as the processor's stream would. */
    static List<TrackedEventMessage<?>> readAll(RasadEventStorageEngine engine, TrackingToken token) {
        List<TrackedEventMessage<?>> read = new ArrayList<>();
        engine.readEvents(token, false).forEach(read::add);
        return read;
    }

    static List<Object> payloads(List<? extends EventMessage<?>> events) {
        return events.stream().map(e -> (Object) e.getPayload()).toList();
    }
}
