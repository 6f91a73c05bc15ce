package rasad.eventstore.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rasad.eventstore.embedded.EmbeddedMongoServer;
import rasad.eventstore.embedded.EmbeddedMongoSettings;

/** Two writers of the same aggregate sequence: the second must fail, so no event is ever overwritten. */
class ConcurrentWritersTest {

    private EmbeddedMongoServer server;
    private MongoClient client;
    private EventStorageEngine engine;

    @BeforeEach
    void start() {
        server = EmbeddedMongoServer.start(new EmbeddedMongoSettings(0, Path.of("unused"), EmbeddedMongoSettings.Backend.MEMORY));
        client = MongoClients.create(server.connectionString());
        MongoEventStorageEngine mongoEngine = MongoEventStorageEngine.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, "rasad").build())
                .eventSerializer(MessageSerialization.jacksonSerializer())
                .snapshotSerializer(MessageSerialization.jacksonSerializer())
                .build();
        mongoEngine.ensureIndexes();
        engine = mongoEngine;
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static GenericDomainEventMessage<String> event(long sequence, String payload) {
        return new GenericDomainEventMessage<>("Facility", "f-0001", sequence, payload);
    }

    @Test
    void a_second_first_event_of_one_aggregate_is_refused_as_a_stream_creation_conflict() {
        engine.appendEvents(event(0, "first writer"));

        assertThatThrownBy(() -> engine.appendEvents(event(0, "second writer")))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(engine.readEvents("f-0001").asStream().map(e -> (Object) e.getPayload()).toList())
                .containsExactly("first writer");
    }

    @Test
    void a_second_writer_of_a_later_sequence_fails_with_axons_concurrency_exception() {
        engine.appendEvents(event(0, "granted"), event(1, "first writer"));

        assertThatThrownBy(() -> engine.appendEvents(event(1, "second writer")))
                .isInstanceOf(ConcurrencyException.class);
    }
}
