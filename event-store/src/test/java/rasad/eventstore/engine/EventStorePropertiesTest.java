package rasad.eventstore.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static rasad.eventstore.engine.EventStoreUnderTest.event;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import rasad.eventstore.axon.MessageSerialization;
import rasad.eventstore.embedded.EmbeddedMongoServer;
import rasad.eventstore.embedded.EmbeddedMongoSettings;

/**
 * Random interleavings of appends, refused appends, writers dying after reserving positions, reads and
 * sealing passes: whatever the order, a reader sees every committed event exactly once and nothing else, a
 * replay reads in position order, and the store verifies intact.
 */
class EventStorePropertiesTest {

    private static EmbeddedMongoServer server;
    private static MongoClient client;

    @BeforeContainer
    static void startServer() {
        server = EmbeddedMongoServer.start(
                new EmbeddedMongoSettings(0, Path.of("unused"), EmbeddedMongoSettings.Backend.MEMORY));
        client = MongoClients.create(server.connectionString());
    }

    @AfterContainer
    static void stopServer() {
        client.close();
        server.close();
    }

    sealed interface Step permits Append, StaleAppend, DieAfterReserving, Read, Seal {}

    record Append(int aggregate, int events) implements Step {}

    record StaleAppend(int aggregate) implements Step {}

    record DieAfterReserving(int positions) implements Step {}

    record Read() implements Step {}

    record Seal(boolean afterGapTimeout) implements Step {}

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> append = Combinators.combine(
                        Arbitraries.integers().between(0, 5),
                        Arbitraries.integers().between(1, 4))
                .as(Append::new);
        Arbitrary<Step> stale = Arbitraries.integers().between(0, 5).map(StaleAppend::new);
        Arbitrary<Step> die = Arbitraries.integers().between(1, 3).map(DieAfterReserving::new);
        Arbitrary<Step> read = Arbitraries.just(new Read());
        Arbitrary<Step> seal = Arbitraries.of(true, false).map(Seal::new);
        return Arbitraries.frequencyOf(
                        Tuple.of(6, append), Tuple.of(2, stale), Tuple.of(1, die), Tuple.of(3, read), Tuple.of(1, seal))
                .list()
                .ofMinSize(1)
                .ofMaxSize(40);
    }

    @Property(tries = 40)
    void every_committed_event_is_read_exactly_once_and_the_store_verifies(@ForAll("histories") List<Step> history) {
        EventStoreUnderTest store = new EventStoreUnderTest(
                client.getDatabase(
                        "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)),
                MessageSerialization.jacksonSerializer(),
                Clock.systemUTC(),
                4);
        PositionCounter counter = new PositionCounter(store.collections.positions());
        Set<String> committed = new LinkedHashSet<>();
        List<String> seen = new ArrayList<>();
        Map<Integer, Long> nextSequence = new HashMap<>();
        TrackingToken token = null;
        int payloadNumber = 0;

        for (Step step : history) {
            if (step instanceof Append append) {
                String id = "f-" + append.aggregate();
                long first = nextSequence.getOrDefault(append.aggregate(), 0L);
                List<DomainEventMessage<?>> commit = new ArrayList<>();
                for (int i = 0; i < append.events(); i++) {
                    commit.add(event(id, first + i, "e" + payloadNumber++));
                }
                store.engine.appendEvents(commit);
                commit.forEach(e -> committed.add(e.getIdentifier()));
                nextSequence.put(append.aggregate(), first + append.events());
            } else if (step instanceof StaleAppend stale) {
                long next = nextSequence.getOrDefault(stale.aggregate(), 0L);
                if (next > 0) {
                    try {
                        store.engine.appendEvents(event("f-" + stale.aggregate(), next - 1, "stale"));
                        throw new AssertionError("a stale writer was let through");
                    } catch (ConcurrencyException | AggregateStreamCreationException expected) {
                        // refused, as it must be
                    }
                }
            } else if (step instanceof DieAfterReserving die) {
                counter.reserve(die.positions());
            } else if (step instanceof Read) {
                for (TrackedEventMessage<?> e : EventStoreUnderTest.readAll(store.engine, token)) {
                    seen.add(e.getIdentifier());
                    token = e.trackingToken();
                }
            } else if (step instanceof Seal seal) {
                if (seal.afterGapTimeout()) {
                    store.sealer.sealAvailable();
                    store.sealerClock.advance(EventStoreUnderTest.GAP_TIMEOUT.plusSeconds(1));
                }
                store.sealer.sealAvailable();
            }
        }
        for (TrackedEventMessage<?> e : EventStoreUnderTest.readAll(store.engine, token)) {
            seen.add(e.getIdentifier());
        }

        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(committed);
        List<Long> replayPositions = EventStoreUnderTest.readAll(store.engine, null).stream()
                .map(e -> e.trackingToken().position().orElseThrow())
                .toList();
        assertThat(replayPositions).hasSize(committed.size()).isSorted().doesNotHaveDuplicates();
        store.sealer.sealAvailable();
        store.sealerClock.advance(EventStoreUnderTest.GAP_TIMEOUT.plusSeconds(1));
        store.sealer.sealAvailable();
        assertThat(store.verifier.verify().firstBrokenLink()).isEmpty();
        store.database.drop();
    }
}
