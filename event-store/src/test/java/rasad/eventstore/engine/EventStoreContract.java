package rasad.eventstore.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static rasad.eventstore.engine.EventStoreUnderTest.event;
import static rasad.eventstore.engine.EventStoreUnderTest.eventAt;
import static rasad.eventstore.engine.EventStoreUnderTest.payloads;
import static rasad.eventstore.engine.EventStoreUnderTest.readAll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rasad.eventstore.axon.MessageSerialization;
import rasad.eventstore.integrity.BrokenLink;
import rasad.eventstore.integrity.EventHash;

/**
 * What Rasad's event store promises, run against each kind of MongoDB it supports: the embedded server here,
 * a real replica set where Docker exists.
 */
abstract class EventStoreContract {

    EventStoreUnderTest store;

    abstract MongoDatabase freshDatabase();

    /** The connection string of the server under test, for a writer that needs a connection of its own. */
    abstract String connectionString();

    @BeforeEach
    void newStore() {
        store = new EventStoreUnderTest(freshDatabase());
    }

    // ---- aggregates -------------------------------------------------------------------------------------

    @Test
    void an_aggregate_reads_back_its_events_in_sequence_across_commits_of_any_size() {
        store.engine.appendEvents(event("f-1", 0, "granted"));
        store.engine.appendEvents(List.of(event("f-1", 1, "e1"), event("f-1", 2, "e2"), event("f-2", 0, "other")));
        List<DomainEventMessage<?>> big = new ArrayList<>();
        for (int s = 3; s < 103; s++) {
            big.add(event("f-1", s, "e" + s));
        }
        store.engine.appendEvents(big);

        List<? extends DomainEventMessage<?>> events =
                store.engine.readEvents("f-1").asStream().toList();
        assertThat(events)
                .extracting(DomainEventMessage::getSequenceNumber)
                .containsExactlyElementsOf(LongStream.range(0, 103).boxed().toList());
        assertThat(store.engine
                        .readEvents("f-1", 50)
                        .asStream()
                        .findFirst()
                        .orElseThrow()
                        .getSequenceNumber())
                .as("reading from inside a commit")
                .isEqualTo(50);
        assertThat(store.engine.lastSequenceNumberFor("f-1")).contains(102L);
        assertThat(store.engine.lastSequenceNumberFor("never")).isEmpty();
    }

    @Test
    void a_second_writer_of_the_same_sequence_fails_with_axons_concurrency_exception_and_stores_nothing() {
        store.engine.appendEvents(event("f-1", 0, "granted"), event("f-1", 1, "first writer"));

        assertThatThrownBy(() -> store.engine.appendEvents(event("f-1", 1, "second writer"), event("f-9", 0, "x")))
                .isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> store.engine.appendEvents(event("f-1", 0, "another grant")))
                .isInstanceOf(AggregateStreamCreationException.class);

        assertThat(payloads(store.engine.readEvents("f-1").asStream().toList()))
                .containsExactly("granted", "first writer");
        assertThat(store.engine.readEvents("f-9").asStream())
                .as("the refused commit's other aggregate")
                .isEmpty();
        assertThat(payloads(readAll(store.engine, null))).containsExactly("granted", "first writer");
        assertThat(store.verifier.verify().intact()).isTrue();
    }

    @Test
    void snapshots_replace_older_ones_and_are_read_back() {
        store.engine.appendEvents(event("f-1", 0, "granted"));
        store.engine.storeSnapshot(new GenericDomainEventMessage<>("Facility", "f-1", 5, "state at 5"));
        store.engine.storeSnapshot(new GenericDomainEventMessage<>("Facility", "f-1", 3, "older state"));

        assertThat(store.engine.readSnapshot("f-1"))
                .get()
                .extracting(DomainEventMessage::getPayload)
                .isEqualTo("state at 5");
    }

    @Test
    void upcasters_turn_old_revisions_into_the_current_shape_on_read() {
        store.engine.appendEvents(event("f-1", 0, "granted under revision null"));
        SingleEventUpcaster upperCase = new SingleEventUpcaster() {
            @Override
            protected boolean canUpcast(IntermediateEventRepresentation representation) {
                return representation.getType().getName().equals(String.class.getName())
                        && representation.getType().getRevision() == null;
            }

            @Override
            protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
                return representation.upcastPayload(
                        new SimpleSerializedType(String.class.getName(), "2"),
                        JsonNode.class,
                        node -> TextNode.valueOf(node.asText().toUpperCase()));
            }
        };
        RasadEventStorageEngine reader = RasadEventStorageEngine.builder()
                .store(store.collections)
                .eventSerializer(MessageSerialization.jacksonSerializer())
                .snapshotSerializer(MessageSerialization.jacksonSerializer())
                .upcasterChain(upperCase)
                .build();

        assertThat(payloads(reader.readEvents("f-1").asStream().toList()))
                .containsExactly("GRANTED UNDER REVISION NULL");
        assertThat(payloads(readAll(reader, null))).containsExactly("GRANTED UNDER REVISION NULL");
    }

    @Test
    void each_event_keeps_when_it_happened_and_when_rasad_recorded_it() {
        Instant atTheSite = Instant.parse("2025-06-01T07:45:00Z"); // an inspector's device, offline
        store.engine.appendEvents(new GenericDomainEventMessage<>(
                "Facility", "f-1", 0, "field visit", MetaData.with("occurredAt", atTheSite.toString())));
        store.engine.appendEvents(event("f-1", 1, "recorded as it happened"));

        List<Document> stored = List.of(
                commitAt(1).getList("events", Document.class).get(0),
                commitAt(2).getList("events", Document.class).get(0));
        assertThat(stored.get(0).getString("occurredAt")).isEqualTo(atTheSite.toString());
        assertThat(Instant.parse(stored.get(0).getString("recordedAt"))).isAfter(atTheSite.plus(Duration.ofDays(300)));
        assertThat(stored.get(1).getString("occurredAt"))
                .isEqualTo(stored.get(1).getString("timestamp"));
    }

    // ---- tracking ---------------------------------------------------------------------------------------

    @Test
    void tail_head_and_time_tokens_point_where_axon_expects() {
        store.engine.appendEvents(event("f-1", 0, "a"));
        store.engine.appendEvents(event("f-2", 0, "b"));
        TrackingToken head = store.engine.createHeadToken();
        store.engine.appendEvents(event("f-3", 0, "c"));

        assertThat(payloads(readAll(store.engine, store.engine.createTailToken())))
                .containsExactly("a", "b", "c");
        assertThat(payloads(readAll(store.engine, head))).containsExactly("c");
        assertThat(head.position()).hasValue(2);
        assertThat(payloads(readAll(
                        store.engine, store.engine.createTokenAt(Instant.now().plusSeconds(60)))))
                .isEmpty();
        assertThat(payloads(readAll(store.engine, store.engine.createTokenAt(Instant.EPOCH))))
                .containsExactly("a", "b", "c");
        assertThat(store.engine.headPosition()).isEqualTo(3);
    }

    @Test
    void a_processor_resuming_from_a_token_inside_a_commit_gets_the_rest_of_that_commit() {
        store.engine.appendEvents(event("f-0", 0, "before"));
        List<DomainEventMessage<?>> commit = new ArrayList<>();
        for (int s = 0; s < 200; s++) { // larger than any look-back window
            commit.add(event("f-1", s, "e" + s));
        }
        store.engine.appendEvents(commit);
        store.engine.appendEvents(event("f-2", 0, "after"));
        List<TrackedEventMessage<?>> all = readAll(store.engine, null);
        assertThat(all).hasSize(202);

        for (int stoppedAfter : new int[] {1, 3, 150, 199}) { // e.g. a processor stopped between two batches
            List<Object> rest =
                    payloads(readAll(store.engine, all.get(stoppedAfter).trackingToken()));
            assertThat(rest)
                    .as("resumed after event %d", stoppedAfter)
                    .hasSize(201 - stoppedAfter)
                    .startsWith(all.get(stoppedAfter + 1).getPayload())
                    .endsWith("after");
        }
    }

    @Test
    void a_head_token_after_a_commit_larger_than_the_look_back_window_reads_only_what_comes_next() {
        List<DomainEventMessage<?>> commit = new ArrayList<>();
        for (int s = 0; s < 500; s++) {
            commit.add(event("f-1", s, "e" + s));
        }
        store.engine.appendEvents(commit);

        TrackingToken head = store.engine.createHeadToken();
        store.engine.appendEvents(event("f-2", 0, "next"));

        assertThat(payloads(readAll(store.engine, head))).containsExactly("next");
        assertThat(head.position()).hasValue(500);
    }

    @Test
    void a_commit_spanning_many_blocks_is_sealed_whole_and_none_of_it_is_fenced() {
        List<DomainEventMessage<?>> commit = new ArrayList<>();
        for (int s = 0; s < 200; s++) { // 25 blocks of eight, most far from the commit's first position
            commit.add(event("f-1", s, "e" + s));
        }
        store.engine.appendEvents(commit);

        store.sealer.sealAvailable();
        store.sealerClock.advance(EventStoreUnderTest.GAP_TIMEOUT.plusSeconds(1));
        store.sealer.sealAvailable();

        assertThat(store.database.getCollection("event_commits").countDocuments())
                .as("no fencing commits")
                .isOne();
        assertThat(store.verifier.verify().intact()).isTrue();
        assertThat(readAll(store.engine, null)).hasSize(200);
    }

    @Test
    void eight_writers_on_a_thousand_aggregates_every_successful_commit_is_seen_exactly_once() throws Exception {
        int writers = 8;
        Set<String> committed = ConcurrentHashMap.newKeySet();
        Set<String> refused = ConcurrentHashMap.newKeySet();
        List<String> seenLive = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        Future<TrackingToken> liveReader = pool.submit(() -> {
            TrackingToken token = null;
            while (writing.get()) {
                for (TrackedEventMessage<?> e : readAll(store.engine, token)) {
                    seenLive.add(e.getIdentifier());
                    token = e.trackingToken();
                }
            }
            return token;
        });
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            done.add(pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < 125; i++) {
                    // each writer owns 125 aggregates; one attempt in five goes to one of 10 shared ones
                    String aggregate =
                            random.nextInt(5) == 0 ? "shared-" + random.nextInt(10) : "agg-" + (writer * 125 + i);
                    long next = store.engine
                            .lastSequenceNumberFor(aggregate)
                            .map(s -> s + 1)
                            .orElse(0L);
                    List<DomainEventMessage<?>> commit = new ArrayList<>();
                    for (int k = 0; k <= random.nextInt(3); k++) {
                        commit.add(event(aggregate, next + k, "w" + writer + "-" + i + "-" + k));
                    }
                    try {
                        store.engine.appendEvents(commit);
                        commit.forEach(e -> committed.add(e.getIdentifier()));
                    } catch (ConcurrencyException | AggregateStreamCreationException conflict) {
                        commit.forEach(e -> refused.add(e.getIdentifier()));
                    }
                }
            }));
        }
        for (Future<?> writer : done) {
            writer.get(5, TimeUnit.MINUTES);
        }
        writing.set(false);
        TrackingToken liveToken = liveReader.get(1, TimeUnit.MINUTES);
        readAll(store.engine, liveToken).forEach(e -> seenLive.add(e.getIdentifier()));
        pool.shutdown();

        assertThat(refused).as("shared aggregates make writers collide").isNotEmpty();
        assertThat(seenLive)
                .as("a processor reading while they write sees each commit once")
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(committed);
        List<TrackedEventMessage<?>> replay = readAll(store.engine, null);
        assertThat(replay)
                .extracting(TrackedEventMessage::getIdentifier)
                .containsExactlyInAnyOrderElementsOf(committed);
        List<Long> positions = replay.stream()
                .map(e -> e.trackingToken().position().orElseThrow())
                .toList();
        assertThat(positions).as("a replay reads in position order").isSorted().doesNotHaveDuplicates();
        assertThat(store.verifier.verify().intact()).isTrue();
    }

    @Test
    void writers_with_clocks_ten_minutes_behind_or_ahead_are_all_processed_in_commit_order() {
        Instant now = Instant.now();
        RasadEventStorageEngine behind = store.engine(
                MessageSerialization.jacksonSerializer(),
                Clock.fixed(now.minus(Duration.ofMinutes(10)), ZoneOffset.UTC));
        RasadEventStorageEngine ahead = store.engine(
                MessageSerialization.jacksonSerializer(),
                Clock.fixed(now.plus(Duration.ofMinutes(10)), ZoneOffset.UTC));

        ahead.appendEvents(eventAt("f-1", 0, "ahead first", now.plus(Duration.ofMinutes(10))));
        TrackingToken afterFirst = readAll(store.engine, null).get(0).trackingToken();
        behind.appendEvents(eventAt("f-2", 0, "behind second", now.minus(Duration.ofMinutes(10))));
        store.engine.appendEvents(eventAt("f-3", 0, "on time third", now));

        assertThat(payloads(readAll(store.engine, afterFirst))).containsExactly("behind second", "on time third");
    }

    @Test
    void a_commit_held_back_longer_than_any_window_is_still_processed() throws Exception {
        HeldWriter held = holdWriterAfterReserving("f-held", "held");
        store.engine.appendEvents(event("f-1", 0, "after"));

        List<TrackedEventMessage<?>> first = readAll(store.engine, null);
        assertThat(payloads(first)).containsExactly("after");
        GapAwareTrackingToken token = (GapAwareTrackingToken) first.get(0).trackingToken();
        assertThat(token.getGaps()).as("the held commit's position").containsExactly(1L);

        Thread.sleep(2_000); // longer than the Mongo extension's one-second look-back
        held.release().get(30, TimeUnit.SECONDS);

        List<TrackedEventMessage<?>> second = readAll(store.engine, token);
        assertThat(payloads(second)).containsExactly("held");
        assertThat(((GapAwareTrackingToken) second.get(0).trackingToken()).getGaps())
                .isEmpty();
    }

    @Test
    void a_writer_held_back_past_the_gap_timeout_is_fenced_and_refused_never_lost() throws Exception {
        HeldWriter held = holdWriterAfterReserving("f-late", "too late");
        store.engine.appendEvents(event("f-1", 0, "after"));
        TrackingToken token = readAll(store.engine, null).get(0).trackingToken();

        store.sealer.sealAvailable();
        store.sealerClock.advance(EventStoreUnderTest.GAP_TIMEOUT.plusSeconds(1));
        store.sealer.sealAvailable();
        Future<?> refused = held.release();

        assertThatThrownBy(() -> refused.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(EventStoreException.class);
        List<TrackedEventMessage<?>> afterFence = readAll(store.engine, token);
        assertThat(afterFence).isEmpty();
        store.engine.appendEvents(event("f-2", 0, "next"));
        List<TrackedEventMessage<?>> next = readAll(store.engine, token);
        assertThat(payloads(next)).containsExactly("next");
        assertThat(((GapAwareTrackingToken) next.get(0).trackingToken()).getGaps())
                .as("the fenced gap is gone")
                .isEmpty();
        assertThat(store.engine.readEvents("f-late").asStream()).isEmpty();
        assertThat(store.verifier.verify().intact()).isTrue();
    }

    // ---- why this engine exists --------------------------------------------------------------------------

    @Test
    void axons_mongo_extension_skips_a_commit_from_a_writer_whose_clock_is_behind_and_this_engine_does_not() {
        MongoDatabase database = freshDatabase();
        var json = MessageSerialization.jacksonSerializer();
        var extension = MongoEventStorageEngine.builder()
                .mongoTemplate(
                        DefaultMongoTemplate.builder().mongoDatabase(database).build())
                .eventSerializer(json)
                .snapshotSerializer(json)
                .build();
        extension.ensureIndexes();
        Instant now = Instant.now();
        for (var engine : List.of(extension, store.engine)) {
            engine.appendEvents(eventAt("f-1", 0, "on time", now));
        }
        TrackingToken extensionToken =
                last(extension.readEvents(null, false).toList()).trackingToken();
        TrackingToken rasadToken = last(readAll(store.engine, null)).trackingToken();
        for (var engine : List.of(extension, store.engine)) {
            engine.appendEvents(eventAt("f-2", 0, "writer ten minutes behind", now.minus(Duration.ofMinutes(10))));
            engine.appendEvents(eventAt("f-3", 0, "on time again", now.plusMillis(5)));
        }

        assertThat(payloads(extension.readEvents(extensionToken, false).toList()))
                .as("the extension's processors never see the late writer's event")
                .containsExactly("on time again");
        assertThat(payloads(readAll(store.engine, rasadToken)))
                .containsExactly("writer ten minutes behind", "on time again");
    }

    // ---- crashes ----------------------------------------------------------------------------------------

    @Test
    void a_writer_whose_connection_is_cut_mid_commit_leaves_nothing_partial_and_its_gap_is_fenced() throws Exception {
        HoldingSerializer holding = new HoldingSerializer("cut off");
        MongoClient ownConnection = MongoClients.create(connectionString());
        RasadEventStorageEngine doomed = RasadEventStorageEngine.builder()
                .store(EventStoreCollections.in(ownConnection.getDatabase(store.database.getName())))
                .eventSerializer(holding)
                .snapshotSerializer(holding)
                .build();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<?> write =
                pool.submit(() -> doomed.appendEvents(event("f-cut", 0, "kept"), event("f-cut", 1, "cut off")));
        holding.awaitHolding();
        ownConnection.close();
        holding.release();
        assertThatThrownBy(() -> write.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        pool.shutdown();

        store.engine.appendEvents(event("f-1", 0, "after"));
        List<TrackedEventMessage<?>> read = readAll(store.engine, null);
        assertThat(payloads(read))
                .as("nothing of the cut commit, and the later one is not blocked")
                .containsExactly("after");
        assertThat(store.engine.readEvents("f-cut").asStream()).isEmpty();
        GapAwareTrackingToken token = (GapAwareTrackingToken) read.get(0).trackingToken();
        assertThat(token.getGaps()).containsExactly(1L, 2L);

        store.sealer.sealAvailable();
        store.sealerClock.advance(EventStoreUnderTest.GAP_TIMEOUT.plusSeconds(1));
        store.sealer.sealAvailable();
        store.engine.appendEvents(event("f-2", 0, "later"));
        List<TrackedEventMessage<?>> later = readAll(store.engine, token);
        assertThat(payloads(later)).containsExactly("later");
        assertThat(((GapAwareTrackingToken) later.get(0).trackingToken()).getGaps())
                .as("gaps fenced, then dropped")
                .isEmpty();
        store.engine.appendEvents(event("f-cut", 0, "granted on retry"));
        assertThat(payloads(store.engine.readEvents("f-cut").asStream().toList()))
                .containsExactly("granted on retry");
        assertThat(store.verifier.verify().intact()).isTrue();
    }

    @Test
    void a_writer_that_died_before_its_commit_point_leaves_a_gap_that_is_fenced_and_its_late_commit_refused() {
        store.engine.appendEvents(event("f-1", 0, "granted"));
        store.engine.appendEvents(event("f-1", 1, "died before committing"));
        // What a writer leaves when it dies after reserving its position, before its commit point: the
        // position, and nothing at it. Its commit document is kept aside as if still on its way.
        Document onItsWay = commitAt(2);
        store.collections.commits().deleteOne(new Document("_id", 2L));
        store.engine.appendEvents(event("f-2", 0, "other"));

        List<TrackedEventMessage<?>> read = readAll(store.engine, null);
        assertThat(payloads(read)).containsExactly("granted", "other");
        assertThat(((GapAwareTrackingToken) last(read).trackingToken()).getGaps())
                .containsExactly(2L);
        assertThat(payloads(store.engine.readEvents("f-1").asStream().toList())).containsExactly("granted");

        store.engine.appendEvents(event("f-1", 1, "the retry, by another writer"));
        assertThatThrownBy(() -> store.collections.commits().insertOne(onItsWay))
                .as("the late commit collides with the retry on the stream key")
                .isInstanceOf(MongoWriteException.class);

        store.sealer.sealAvailable();
        store.sealerClock.advance(EventStoreUnderTest.GAP_TIMEOUT.plusSeconds(1));
        store.sealer.sealAvailable();
        List<TrackedEventMessage<?>> after = readAll(store.engine, last(read).trackingToken());
        assertThat(payloads(after)).containsExactly("the retry, by another writer");
        assertThat(((GapAwareTrackingToken) last(after).trackingToken()).getGaps())
                .isEmpty();
        assertThat(payloads(store.engine.readEvents("f-1").asStream().toList()))
                .containsExactly("granted", "the retry, by another writer");
        assertThat(store.verifier.verify().intact()).isTrue();
    }

    // ---- tamper evidence ----------------------------------------------------------------------------------

    /** Twelve single-event commits over three aggregates, the first block of eight sealed. */
    private void history() {
        for (int i = 0; i < 12; i++) {
            String aggregate = "f-" + (i % 3);
            store.engine.appendEvents(event(aggregate, i / 3, aggregate + " event " + (i / 3)));
        }
        assertThat(store.sealer.sealAvailable()).isOne();
        assertThat(store.verifier.verify().intact()).isTrue();
    }

    private BrokenLink firstBrokenLink() {
        var report = store.verifier.verify();
        assertThat(report.intact()).as("tampering must be detected").isFalse();
        return report.firstBrokenLink().orElseThrow();
    }

    private Document commitAt(long position) {
        return store.collections.commits().find(new Document("_id", position)).first();
    }

    @Test
    void an_altered_payload_is_detected_at_its_event() {
        history();
        store.collections
                .commits()
                .updateOne(new Document("_id", 5L), Updates.set("events.0.payload", "\"f-1 event 9 million rials\""));

        var link = firstBrokenLink();
        assertThat(link.kind()).isEqualTo(BrokenLink.Kind.ALTERED);
        assertThat(link.position()).isEqualTo(5);
        assertThat(link.eventId())
                .isEqualTo(commitAt(5).getList("events", Document.class).get(0).getString("eventId"));
        assertThat(link.expected()).isNotEqualTo(link.found());
    }

    @Test
    void a_deleted_event_is_detected_in_a_sealed_block_and_after_it() {
        history();
        store.collections.commits().deleteOne(new Document("_id", 4L));
        assertThat(firstBrokenLink()).extracting("kind", "position").containsExactly(BrokenLink.Kind.MISSING, 4L);

        store.collections
                .commits()
                .insertOne(new Document("_id", 4L)
                        .append("count", 1)
                        .append("state", "ABORTED")
                        .append("events", List.of()));
        assertThat(firstBrokenLink())
                .as("even disguised as a fenced position: the seal has the event's leaf there")
                .extracting("kind", "position")
                .containsExactly(BrokenLink.Kind.BLOCK_ROOT_MISMATCH, 4L);

        newStore();
        history();
        store.collections.commits().deleteOne(new Document("_id", 10L)); // unsealed: f-0's 4th event
        store.sealer.sealAvailable();
        assertThat(firstBrokenLink())
                .as("the sealer saw it written: its finding is part of the verification")
                .extracting("kind", "position")
                .containsExactly(BrokenLink.Kind.MISSING, 10L);
    }

    @Test
    void swapped_events_are_detected_at_the_first_swapped_position() {
        history();
        Document second = commitAt(2);
        Document third = commitAt(3);
        // A careful forger swaps the contents and fixes the positions, so each event looks in place on its own.
        List<Document> secondEvents = second.getList("events", Document.class);
        List<Document> thirdEvents = third.getList("events", Document.class);
        secondEvents.get(0).put("position", 3L);
        thirdEvents.get(0).put("position", 2L);
        store.collections.commits().updateOne(new Document("_id", 2L), Updates.set("events", thirdEvents));
        store.collections.commits().updateOne(new Document("_id", 3L), Updates.set("events", secondEvents));

        assertThat(firstBrokenLink())
                .extracting("kind", "position")
                .containsExactly(BrokenLink.Kind.BLOCK_ROOT_MISMATCH, 2L);
    }

    @Test
    void a_forged_event_inserted_into_a_stream_is_detected_where_it_breaks_the_chain() {
        history();
        // A forged "f-1 event 1" replacing the real one at position 5, hashed like a real one but linked to
        // nothing the real history holds.
        Document forged = commitAt(5).getList("events", Document.class).get(0);
        forged.put("payload", "\"a forged approval\"");
        forged.put("previousHash", EventHash.GENESIS);
        forged.put("hash", EventHash.of(forged, EventHash.GENESIS));
        store.collections.commits().updateOne(new Document("_id", 5L), Updates.set("events", List.of(forged)));

        var link = firstBrokenLink();
        assertThat(link.kind()).isEqualTo(BrokenLink.Kind.BROKEN_CHAIN);
        assertThat(link.position()).isEqualTo(5);
        assertThat(link.aggregate()).isEqualTo("f-1#1");
    }

    @Test
    void a_store_of_many_sealed_blocks_verifies_block_by_block_and_a_block_in_a_later_read_is_checked_too() {
        for (int i = 0; i < 8 * 40; i++) { // 40 blocks of 8: more than one read of blocks
            store.engine.appendEvents(event("f-" + (i % 5), i / 5, "event " + i));
        }
        assertThat(store.sealer.sealAvailable()).isEqualTo(40);
        var intact = store.verifier.verify();
        assertThat(intact.intact()).isTrue();
        assertThat(intact.blocksChecked()).isEqualTo(40);

        store.collections.commits().deleteOne(new Document("_id", 8L * 33 + 3)); // in block 34
        assertThat(firstBrokenLink())
                .extracting("kind", "position")
                .containsExactly(BrokenLink.Kind.MISSING, 8L * 33 + 3);
    }

    @Test
    void a_removed_seal_is_detected_where_its_block_begins() {
        history();
        store.collections.checkpoints().deleteOne(new Document("_id", 1L));

        assertThat(firstBrokenLink())
                .extracting("kind", "position")
                .containsExactly(BrokenLink.Kind.BLOCK_CHAIN_BROKEN, 1L);
    }

    private static <T> T last(List<T> values) {
        return values.get(values.size() - 1);
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** A writer of its own, stopped after it reserved its position and before it wrote anything. */
    private HeldWriter holdWriterAfterReserving(String aggregateId, String payload) throws InterruptedException {
        HoldingSerializer holding = new HoldingSerializer(payload);
        RasadEventStorageEngine slowWriter = store.engine(holding, Clock.systemUTC());
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<?> write = pool.submit(() -> slowWriter.appendEvents(event(aggregateId, 0, payload)));
        pool.shutdown();
        holding.awaitHolding();
        return new HeldWriter(holding, write);
    }

    private record HeldWriter(HoldingSerializer holding, Future<?> write) {
        Future<?> release() {
            holding.release();
            return write;
        }
    }

    /** A serializer that holds the writer that serializes a given payload, after it reserved its position. */
    static final class HoldingSerializer extends JacksonSerializer {
        private final String heldPayload;
        private final CountDownLatch holding = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        HoldingSerializer(String heldPayload) {
            super(JacksonSerializer.builder().objectMapper(MessageSerialization.objectMapper()));
            this.heldPayload = heldPayload;
        }

        @Override
        public <T> SerializedObject<T> serialize(Object object, Class<T> expected) {
            if (heldPayload.equals(object)) {
                holding.countDown();
                try {
                    released.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return super.serialize(object, expected);
        }

        void awaitHolding() throws InterruptedException {
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
        }

        void release() {
            released.countDown();
        }
    }
}
