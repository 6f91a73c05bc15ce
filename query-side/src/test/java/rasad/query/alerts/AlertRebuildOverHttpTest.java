package rasad.query.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import rasad.kernel.alerts.AlertAcknowledged;
import rasad.kernel.alerts.AlertAssigned;
import rasad.kernel.alerts.AlertCleared;
import rasad.kernel.alerts.AlertEscalated;
import rasad.kernel.alerts.AlertNoted;
import rasad.kernel.alerts.AlertResolution;
import rasad.kernel.alerts.AlertResolved;
import rasad.kernel.alerts.AlertRule;
import rasad.kernel.alerts.Evidence;
import rasad.kernel.alerts.Severity;

/**
 * The alerts read model rebuilt from the first event into fresh collections, as an admin asks it on the command side
 * (the request is an event, published here as the command side records it), is the same, document for document;
 * the request is listed among the operator actions with how it went.
 */
class AlertRebuildOverHttpTest extends AlertsApiTest {

    private static final String AGENCY = "agency-rebuild";
    private static final String ALERT = "r3.rf-1.j-1";

    @Autowired
    private MongoDatabase database;

    @Test
    void a_rebuilt_alerts_read_model_is_the_same_document_for_document_and_queries_switch_to_it() {
        givenAnAlertThroughEveryStepAndTwoEpisodes();
        awaitProjected();
        int live = generations().getInteger("live", 0);
        List<Document> before = episodes(live);
        String answeredBefore = get("manager", "/api/alerts/" + ALERT).body();

        Response gone = post("admin", "/api/processors/alerts/rebuild");
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.json().get("type").asText()).isEqualTo("urn:rasad:problem:gone");
        assertThat(gone.json().get("detail").asText()).contains("POST /api/read-model-rebuilds");

        requestRebuild("rb-alerts-1", "alerts", "the evidence summaries were fixed");

        await().atMost(Duration.ofSeconds(60))
                .until(() -> generations().getInteger("live", 0) == live + 1
                        && generations().get("building") == null);
        assertThat(episodes(live + 1)).isNotEmpty().isEqualTo(before);
        assertThat(database.listCollectionNames().into(new ArrayList<>()))
                .as("the old generation is dropped")
                .doesNotContain(named(live));
        assertThat(before.stream().filter(episode -> ALERT.equals(episode.getString("alertId"))))
                .hasSize(2);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> get("manager", "/api/alerts/" + ALERT).body().equals(answeredBefore));

        JsonNode action = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> get("auditor", "/api/operator-actions/rebuild:rb-alerts-1"),
                        answer -> answer.status() == 200
                                && "SWITCHED_OVER"
                                        .equals(answer.json().path("status").asText()))
                .json();
        assertThat(action.get("kind").asText()).isEqualTo("READ_MODEL_REBUILD");
        assertThat(action.get("readModel").asText()).isEqualTo("alerts");
        assertThat(action.get("actor").asText()).isEqualTo("admin");
        assertThat(action.get("reason").asText()).isEqualTo("the evidence summaries were fixed");
        assertThat(action.get("generation").asInt()).isEqualTo(live + 1);
        Instant requestedAt = Instant.parse(action.get("at").asText());
        Instant startedAt = Instant.parse(action.get("startedAt").asText());
        Instant switchedAt = Instant.parse(action.get("switchedOverAt").asText());
        assertThat(requestedAt).isBeforeOrEqualTo(startedAt);
        assertThat(startedAt).isBeforeOrEqualTo(switchedAt);
    }

    @Test
    void a_rebuild_asked_for_while_another_is_requested_and_one_of_an_unknown_read_model_are_refused() {
        awaitProjected();
        requestRebuild("rb-alerts-first", "alerts", "first");
        requestRebuild("rb-alerts-second", "alerts", "second, at once");
        requestRebuild("rb-nothing", "no-such-read-model", "a typo");

        JsonNode second = refusedEventually("rb-alerts-second");
        assertThat(second.get("refusalRule").asText()).isEqualTo("REBUILD_IN_PROGRESS");
        assertThat(second.get("refusal").asText()).contains("rebuild rb-alerts-first");
        JsonNode unknown = refusedEventually("rb-nothing");
        assertThat(unknown.get("refusalRule").asText()).isEqualTo("UNKNOWN_READ_MODEL");
        assertThat(unknown.get("refusal").asText()).contains("alerts", "dashboard", "facilities");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "SWITCHED_OVER"
                        .equals(get("admin", "/api/operator-actions/rebuild:rb-alerts-first")
                                .json()
                                .path("status")
                                .asText()));
    }

    @Test
    void a_rebuild_whose_starter_died_before_resetting_the_processor_is_completed_by_the_holder() {
        raise(
                "r2.rf-crash",
                1,
                AlertRule.R2,
                Severity.MEDIUM,
                subject("rf-crash", "bank-melli", "tabriz", AGENCY, "HOME_BUSINESS"),
                daysAgo(5, 0));
        awaitProjected();
        int live = generations().getInteger("live", 0);
        List<Document> before = episodes(live);
        // given a starter that opened the next generation and died before resetting the processor's tokens
        database.getCollection(named(live + 1)).insertOne(new Document("_id", "left over by the dead starter"));
        database.getCollection("read_model_generations")
                .replaceOne(
                        new Document("_id", "alerts"),
                        new Document("_id", "alerts")
                                .append("live", live)
                                .append("building", live + 1)
                                .append("rebuildId", "rb-crashed")
                                .append("changedAt", new Date()),
                        new ReplaceOptions().upsert(true));

        // then the instance holding the processor completes the start instead of switching to a half-built generation
        await().atMost(Duration.ofSeconds(60))
                .until(() -> generations().getInteger("live", 0) == live + 1
                        && generations().get("building") == null);
        assertThat(episodes(live + 1)).isEqualTo(before);
        assertThat(get("admin", "/api/operator-actions/rebuild:rb-crashed").status())
                .as("no such request event")
                .isEqualTo(404);
    }

    private JsonNode refusedEventually(String rebuildId) {
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> get("admin", "/api/operator-actions/rebuild:" + rebuildId),
                        answer -> answer.status() == 200
                                && "REFUSED".equals(answer.json().path("status").asText()))
                .json();
    }

    private void givenAnAlertThroughEveryStepAndTwoEpisodes() {
        raise(
                ALERT,
                1,
                AlertRule.R3,
                Severity.HIGH,
                subject("rf-1", "bank-melli", "tabriz", AGENCY, "HOME_BUSINESS"),
                daysAgo(30, 0));
        byManager(ALERT, new AlertAcknowledged(ALERT, 1, "on it"), daysAgo(29, 0));
        byManager(
                ALERT,
                new AlertAssigned(ALERT, 1, "rf-1", "inspector", LocalDate.of(2026, 1, 10), null),
                daysAgo(28, 0));
        byManager(ALERT, new AlertNoted(ALERT, 1, "n-1", "the bank confirmed the payment"), daysAgo(27, 0));
        byManager(ALERT, new AlertEscalated(ALERT, 1, "committee", "twice unreachable"), daysAgo(26, 0));
        byManager(
                ALERT,
                new AlertResolved(ALERT, 1, AlertResolution.FALSE_ALARM, "rf-1", "seen at work"),
                daysAgo(25, 0));
        publish(
                "Alert",
                ALERT,
                new AlertCleared(
                        ALERT,
                        1,
                        "a later SMS check confirmed the job",
                        List.of(new Evidence(
                                "event-sms-2", "SmsCheckRecorded", daysAgo(24, 0), "SMS check CONFIRMED"))),
                daysAgo(24, 0),
                "rasad-monitoring",
                "system",
                "rule R3");
        raise(
                ALERT,
                2,
                AlertRule.R3,
                Severity.HIGH,
                subject("rf-1", "bank-melli", "tabriz", AGENCY, "HOME_BUSINESS"),
                daysAgo(10, 0));
    }

    private Document generations() {
        Document generations = database.getCollection("read_model_generations")
                .find(new Document("_id", "alerts"))
                .first();
        return generations == null ? new Document("live", 0) : generations;
    }

    private List<Document> episodes(int generation) {
        return database.getCollection(named(generation))
                .find()
                .sort(new Document("_id", 1))
                .into(new ArrayList<>());
    }

    private static String named(int generation) {
        return generation == 0 ? AlertReadModel.COLLECTION : AlertReadModel.COLLECTION + "__g" + generation;
    }
}
