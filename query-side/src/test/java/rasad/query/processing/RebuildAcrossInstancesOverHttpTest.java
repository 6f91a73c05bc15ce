package rasad.query.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import rasad.eventstore.axon.NodeId;
import rasad.eventstore.mongo.MongoEndpoint;
import rasad.kernel.alerts.AlertRule;
import rasad.kernel.alerts.Severity;
import rasad.query.QuerySideApplication;
import rasad.query.alerts.AlertsApiTest;

/**
 * Two query-side instances on one store. The instance that receives a rebuild request (it holds the requests'
 * processor) need not hold the read model's processor: the instance that holds it starts the rebuild, and when
 * nobody holds it, any instance does once the request has waited long enough.
 */
class RebuildAcrossInstancesOverHttpTest extends AlertsApiTest {

    @Autowired
    MongoDatabase database;

    @Autowired
    MongoEndpoint endpoint;

    @Autowired
    NodeId thisNode;

    @Test
    void a_rebuild_is_started_by_the_instance_holding_the_processor_or_by_another_once_nobody_holds_it() {
        raise(
                "r9.across-1.j-1",
                1,
                AlertRule.R9,
                Severity.LOW,
                subject("across-1", "bank-melli", "tabriz", "agency-across", "HOME_BUSINESS"),
                daysAgo(3, 0));
        raise(
                "r5.across-2",
                1,
                AlertRule.R5,
                Severity.HIGH,
                subject("across-2", "bank-sepah", "ahar", "agency-across", "HOME_BUSINESS"),
                daysAgo(2, 0));
        awaitProjected();
        StreamingEventProcessor alertsHere = alerts(processing);
        ConfigurableApplicationContext other = QuerySideApplication.builder()
                .run(
                        "--server.port=0",
                        "--rasad.mongodb.uri=" + endpoint.connectionString(),
                        "--rasad.access.demo-users=on",
                        "--rasad.node-id=query-side-b",
                        "--rasad.read-models.rebuild-takeover-after=PT2S");
        try {
            StreamingEventProcessor alertsThere = alerts(other.getBean(EventProcessingConfiguration.class));
            String otherNode = other.getBean(NodeId.class).value();

            // given nobody holds the alerts processor (both instances stopped it)
            alertsThere.shutDown();
            alertsHere.shutDown();
            int live = live();
            List<Document> before = episodes(live);
            // when a rebuild is requested (this instance holds the requests' processor and marks it)
            requestRebuild("rb-across-nobody", "alerts", "the processor's holder was stopped");
            // then the other instance, which waits only 2 s before taking over (this one 15 s), starts it
            JsonNode first = switchedOverEventually("rb-across-nobody");
            assertThat(first.get("startedBy").asText()).isEqualTo(otherNode);
            assertThat(live()).isEqualTo(live + 1);
            assertThat(episodes(live + 1)).isNotEmpty().isEqualTo(before);
            alertsHere.start(); // it stays idle: the other instance holds the processor now
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !alertsThere.processingStatus().isEmpty());

            // given the other instance holds the processor, when a rebuild is requested here
            requestRebuild("rb-across-held", "alerts", "the processor is held by another instance");
            // then the holder starts it at once (this instance, holding nothing, would wait 15 s), rather than this
            // instance failing to reset a processor it does not hold. (The holder is the other instance, unless this
            // one's processor happened to claim the segment in the moment the other let go of it to start.)
            JsonNode second = switchedOverEventually("rb-across-held");
            assertThat(Duration.between(
                            Instant.parse(second.get("markedAt").asText()),
                            Instant.parse(second.get("startedAt").asText())))
                    .isLessThan(Duration.ofSeconds(10));
            assertThat(second.get("startedBy").asText()).isIn(otherNode, thisNode.value());
            assertThat(live()).isEqualTo(live + 2);
            assertThat(episodes(live + 2)).isEqualTo(before);
        } finally {
            other.close();
        }
        awaitProjected(); // this instance claims the processor again
        assertThat(get("manager", "/api/alerts?agency=agency-across")
                        .json()
                        .get("totalItems")
                        .asInt())
                .isEqualTo(2);
    }

    private JsonNode switchedOverEventually(String rebuildId) {
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> get("admin", "/api/operator-actions/rebuild:" + rebuildId),
                        answer -> answer.status() == 200
                                && "SWITCHED_OVER"
                                        .equals(answer.json().path("status").asText()))
                .json();
    }

    private static StreamingEventProcessor alerts(EventProcessingConfiguration processing) {
        return processing
                .eventProcessor("alerts", StreamingEventProcessor.class)
                .orElseThrow();
    }

    private int live() {
        Document generations = database.getCollection("read_model_generations")
                .find(new Document("_id", "alerts"))
                .first();
        return generations == null ? 0 : generations.getInteger("live", 0);
    }

    private List<Document> episodes(int generation) {
        return database.getCollection(generation == 0 ? "alert_episodes" : "alert_episodes__g" + generation)
                .find()
                .sort(new Document("_id", 1))
                .into(new ArrayList<>());
    }
}
