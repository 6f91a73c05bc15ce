package rasad.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rasad.kernel.alerts.AlertIds;
import rasad.kernel.alerts.AlertRaised;
import rasad.kernel.alerts.AlertRule;

/**
 * Alerts through both applications: a rule over many facilities (R8, one mobile number) fed from two
 * command-side instances at once and completed after everything restarted, then triaged with the command API
 * and read back with the query API.
 */
class AlertsEndToEndTest {

    @TempDir
    Path dataDir;

    private final RasadHttp http = new RasadHttp();

    @Test
    void a_broker_is_caught_across_instances_and_a_restart_and_triaged_through_both_apis() throws Exception {
        int mongoPort = EmbeddedDefaultEndToEndTest.freePort();
        String alertId = AlertIds.of(AlertRule.R8, "mobile", AlertIds.digest("mobile:09145550001"));

        try (RasadCluster rasad = RasadCluster.embedded(mongoPort, dataDir, "h2")) {
            String second = rasad.startAnotherCommandSide();
            var pool = Executors.newFixedThreadPool(2);
            try {
                var first = pool.submit(() -> http.post(
                        rasad.commandUrl() + "/api/facilities",
                        "admin",
                        withMobile("e2e-broker-1", NationalIds.valid(9101))));
                var other = pool.submit(() -> http.post(
                        second + "/api/facilities", "admin", withMobile("e2e-broker-2", NationalIds.valid(9102))));
                assertThat(List.of(first.get().status(), other.get().status())).containsOnly(201);
            } finally {
                pool.shutdownNow();
            }
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> http.get(rasad.queryUrl() + "/api/facilities/e2e-broker-2", "manager")
                                    .status()
                            == 200);
            assertThat(http.get(rasad.queryUrl() + "/api/alerts/" + alertId, "manager")
                            .status())
                    .as("two facilities are not yet a cluster")
                    .isEqualTo(404);
        }

        try (RasadCluster rasad = RasadCluster.embedded(mongoPort, dataDir, "h2")) {
            assertThat(http.post(
                                    rasad.commandUrl() + "/api/facilities",
                                    "admin",
                                    withMobile("e2e-broker-3", NationalIds.valid(9103)))
                            .status())
                    .isEqualTo(201);

            JsonNode alert = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> http.get(rasad.queryUrl() + "/api/alerts/" + alertId, "manager"),
                            answer -> answer.status() == 200)
                    .json();
            JsonNode episode = alert.get("episodes").get(0);
            assertThat(episode.get("rule").asText()).isEqualTo("R8");
            assertThat(episode.get("status").asText()).isEqualTo("OPEN");
            assertThat(episode.get("evidence")).hasSize(3);
            assertThat(episode.get("explanation").asText())
                    .startsWith("3 facilities (e2e-broker-1, e2e-broker-2, e2e-broker-3) share one mobile number");

            assertThat(http.post(
                                    rasad.commandUrl() + "/api/alerts/" + alertId + "/escalation",
                                    "manager",
                                    "{\"escalateTo\": \"provincial-inspectorate\", \"reason\": \"one broker, three applications\"}")
                            .status())
                    .isEqualTo(200);
            JsonNode escalated = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> http.get(rasad.queryUrl() + "/api/alerts/" + alertId, "auditor")
                                    .json()
                                    .at("/episodes/0"),
                            found -> found.get("status").asText().equals("ESCALATED"));
            JsonNode step = escalated.get("history").get(1);
            assertThat(step.get("actor").asText()).isEqualTo("manager");
            assertThat(step.get("note").asText()).isEqualTo("one broker, three applications");

            JsonNode heat = http.get(rasad.queryUrl() + "/api/alerts/heat?rule=R8", "manager")
                    .json();
            assertThat(heat.get("total").asInt()).isEqualTo(1);

            long raised = rasad.querySide()
                    .getBean(EventStore.class)
                    .readEvents(alertId)
                    .asStream()
                    .filter(event -> event.getPayload() instanceof AlertRaised)
                    .count();
            assertThat(raised).as("raised once").isOne();
        }
    }

    private static String withMobile(String facilityId, String nationalId) {
        return RasadHttp.grant(facilityId, nationalId, "tabriz", "bank-melli")
                .replace("\"name\": \"Maryam Ahmadi\"}", "\"name\": \"Maryam Ahmadi\", \"mobile\": \"09145550001\"}");
    }
}
