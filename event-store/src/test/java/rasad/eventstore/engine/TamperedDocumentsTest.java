package rasad.eventstore.engine;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static rasad.eventstore.engine.EventStoreUnderTest.event;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.groups.Tuple;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rasad.eventstore.embedded.EmbeddedMongoServer;
import rasad.eventstore.embedded.EmbeddedMongoSettings;
import rasad.eventstore.engine.StoredPosition.Holding;

/**
 * Whoever edits the store by hand may leave a document that cannot be read as an event. Reading by location
 * says so — UNREADABLE, with why — and never throws: the auditor asking is looking for exactly that document.
 */
class TamperedDocumentsTest {

    private EmbeddedMongoServer server;
    private MongoClient client;
    private EventStoreUnderTest store;

    @BeforeEach
    void threeCommitsOfOneFacility() {
        server = EmbeddedMongoServer.start(
                new EmbeddedMongoSettings(0, Path.of("unused"), EmbeddedMongoSettings.Backend.MEMORY));
        client = MongoClients.create(server.connectionString());
        store = new EventStoreUnderTest(client.getDatabase("tampered"));
        for (int sequence = 0; sequence < 3; sequence++) {
            store.engine.appendEvents(event("f-1", sequence, "event " + sequence));
        }
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void an_intact_stream_is_located_where_it_was_written_and_readable() {
        assertThat(store.engine.locatedStream("f-1"))
                .extracting(LocatedEvent::storedAt, LocatedEvent::withinCommit, LocatedEvent::readable)
                .containsExactly(Tuple.tuple(1L, true, true), Tuple.tuple(2L, true, true), Tuple.tuple(3L, true, true));
        assertThat(store.engine.storedAt(List.of(1L, 2L, 3L, 4L)).values())
                .extracting(StoredPosition::holding)
                .containsExactly(Holding.EVENT, Holding.EVENT, Holding.EVENT, Holding.NOTHING);
    }

    @Test
    void a_sequence_stored_as_text_is_unreadable_at_its_position() {
        tamper(2, commit -> firstEvent(commit).put("sequence", "1"));

        assertUnreadableAt(2, "sequence");
    }

    @Test
    void metadata_that_is_not_json_is_unreadable_at_its_position() {
        tamper(2, commit -> firstEvent(commit).put("metaData", "actor=someone; not json"));

        assertUnreadableAt(2, "metaData");
    }

    @Test
    void a_commit_count_stored_as_text_makes_its_events_unreadable() {
        tamper(2, commit -> commit.put("count", "1"));

        assertUnreadableAt(2, "count");
    }

    @Test
    void a_commit_without_its_events_is_unreadable_at_its_position() {
        tamper(2, commit -> commit.remove("events"));

        assertUnreadableAt(2, "no events");
    }

    @Test
    void a_position_stored_as_text_is_unreadable_and_the_rest_of_the_stream_still_located() {
        tamper(2, commit -> firstEvent(commit).put("position", "2"));

        assertUnreadableAt(2, "position");
        assertThat(store.engine.locatedStream("f-1"))
                .extracting(LocatedEvent::storedAt)
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void an_event_appended_beyond_its_commits_count_is_located_outside_the_commit() {
        tamper(
                3,
                commit -> commit.put(
                        "events",
                        List.of(
                                firstEvent(commit),
                                new Document(firstEvent(commit))
                                        .append("eventId", "forged")
                                        .append("sequence", 3L)
                                        .append("position", 4L))));

        List<LocatedEvent> located = store.engine.locatedStream("f-1");
        assertThat(located).extracting(LocatedEvent::storedAt).containsExactly(1L, 2L, 3L, 4L);
        assertThat(located.get(3).withinCommit()).isFalse();
        assertThat(store.engine.storedAt(List.of(4L)).get(4L).holding())
                .as("no commit covers it")
                .isEqualTo(Holding.NOTHING);
    }

    @Test
    void a_tracking_processor_is_still_delivered_every_event_and_the_unreadable_ones_say_why() {
        tamper(1, commit -> firstEvent(commit).put("sequence", "0"));
        tamper(2, commit -> firstEvent(commit).put("metaData", "actor=someone; \"not\" json"));

        List<TrackedEventMessage<?>> tracked =
                EventStoreUnderTest.readAll(store.engine, store.engine.createTailToken());

        assertThat(EventStoreUnderTest.payloads(tracked)).containsExactly("event 0", "event 1", "event 2");
        assertThat(tracked)
                .extracting(
                        message -> RasadEventStorageEngine.positionOf(message).orElseThrow())
                .containsExactly(1L, 2L, 3L);
        assertThat(tracked.get(0).getMetaData().get(RasadEventStorageEngine.UNREADABLE_METADATA))
                .asString()
                .contains("sequence");
        assertThat(tracked.get(1).getMetaData().get(RasadEventStorageEngine.UNREADABLE_METADATA))
                .asString()
                .contains("metaData");
        assertThat(tracked.get(2).getMetaData())
                .doesNotContainKey(RasadEventStorageEngine.UNREADABLE_METADATA)
                .containsEntry("actor", "tester");
    }

    private void assertUnreadableAt(long position, String reason) {
        LocatedEvent located = store.engine.locatedStream("f-1").stream()
                .filter(event -> event.storedAt() == position)
                .findFirst()
                .orElseThrow();
        assertThat(located.readable()).isFalse();
        assertThat(located.unreadable()).contains(reason);
        Map<Long, StoredPosition> stored = store.engine.storedAt(List.of(1L, position, 3L));
        assertThat(stored.get(position).holding()).isEqualTo(Holding.UNREADABLE);
        assertThat(stored.get(position).unreadable()).contains(reason);
        assertThat(stored.get(1L).holding()).as("its neighbours are unaffected").isEqualTo(Holding.EVENT);
    }

    private void tamper(long position, Consumer<Document> edit) {
        Document commit = store.collections.commits().find(eq("_id", position)).first();
        edit.accept(commit);
        store.collections.commits().replaceOne(eq("_id", position), commit);
    }

    private static Document firstEvent(Document commit) {
        return commit.getList("events", Document.class).get(0);
    }

    @Test
    void processors_read_on_past_a_commit_whose_count_is_text_and_an_event_claiming_a_far_position() {
        store.engine.appendEvents(event("f-2", 0, "after the tampered ones"));
        tamper(2, commit -> commit.put("count", "1"));
        tamper(3, commit -> firstEvent(commit).put("position", 1_000_000_000L));

        List<TrackedEventMessage<?>> read = EventStoreUnderTest.readAll(store.engine, null);

        assertThat(EventStoreUnderTest.payloads(read))
                .as("every event, the tampered ones included, none skipped")
                .containsExactly("event 0", "event 1", "event 2", "after the tampered ones");
        assertThat(read)
                .extracting(
                        message -> RasadEventStorageEngine.positionOf(message).getAsLong())
                .as("each at the position where it is stored")
                .containsExactly(1L, 2L, 3L, 4L);
        assertThat(read.get(3).trackingToken().position())
                .as("a far claim does not move the token")
                .hasValue(4L);
    }
}
