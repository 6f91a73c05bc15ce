package rasad.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rasad.kernel.job.FollowUpRequested;

/** A follow-up due while every Rasad process is down still comes due once they are back. */
class DurableDeadlinesEndToEndTest {

    @TempDir
    Path dataDir;

    private final RasadHttp http = new RasadHttp();

    private static long followUpsRequested(RasadCluster rasad, String nationalId) {
        return rasad.commandSide()
                .getBean(EventStore.class)
                .readEvents(nationalId)
                .asStream()
                .filter(event -> event.getPayload() instanceof FollowUpRequested)
                .count();
    }

    @Test
    void a_follow_up_that_came_due_during_a_restart_is_requested_after_it() throws IOException, InterruptedException {
        int mongoPort = EmbeddedDefaultEndToEndTest.freePort();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Instant due = Instant.now().plusSeconds(8);
        // the horizon is counted from the job's start (today, 00:00 UTC): make it fall 8 s from now
        Duration horizon = Duration.between(today.atStartOfDay().toInstant(ZoneOffset.UTC), due);
        Map<String, Object> settings =
                Map.of("rasad.follow-up.horizons", horizon.toString(), "rasad.follow-up.grace", "PT1H");

        try (RasadCluster rasad = RasadCluster.embedded(mongoPort, dataDir, "h2", settings)) {
            http.post(
                    rasad.commandUrl() + "/api/facilities",
                    "bank-officer",
                    RasadHttp.grant("durable-job", "0013542419", "tabriz", "bank-melli"));
            RasadHttp.Response job = http.post(
                    rasad.commandUrl() + "/api/facilities/durable-job/jobs",
                    "agency-clerk",
                    "{\"jobId\": \"dj-1\", \"nationalId\": \"4608968882\", \"occupation\": \"tailor\", "
                            + "\"startedOn\": \"" + today + "\"}");
            assertThat(job.status()).isEqualTo(201);
            assertThat(followUpsRequested(rasad, "4608968882"))
                    .as("not due yet")
                    .isZero();
        }

        // Everything is down while the follow-up comes due: wall-clock time has to pass, nothing is awaited here.
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), due).toMillis()) + 1_000);

        try (RasadCluster rasad = RasadCluster.embedded(mongoPort, dataDir, "h2", settings)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> followUpsRequested(rasad, "4608968882") == 1);
            var requested = rasad.commandSide()
                    .getBean(EventStore.class)
                    .readEvents("4608968882")
                    .asStream()
                    .filter(event -> event.getPayload() instanceof FollowUpRequested)
                    .findFirst()
                    .orElseThrow()
                    .getMetaData();
            assertThat(Instant.parse(requested.get("occurredAt").toString()))
                    .as("it happened when it fell due, not when the job was registered")
                    .isEqualTo(due);
            assertThat(requested)
                    .containsEntry("actor", "rasad-deadlines")
                    .containsEntry("actorRole", "system")
                    .containsEntry("onBehalfOf", "relief-committee");
            String horizonKey = horizon.toString().replace('.', '_');
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(
                                    http.get(rasad.queryUrl() + "/api/facilities/durable-job", "manager")
                                            .json()
                                            .path("jobs")
                                            .path(0)
                                            .path("followUps")
                                            .path(horizonKey)
                                            .asText())
                            .isEqualTo("REQUESTED"));

            RasadHttp.Response answered = http.post(
                    rasad.commandUrl() + "/api/people/4608968882/jobs/dj-1/follow-ups",
                    "agency-clerk",
                    "{\"horizon\": \"" + horizon + "\", \"outcome\": \"STILL_ACTIVE\"}");
            assertThat(answered.status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(
                                    http.get(rasad.queryUrl() + "/api/facilities/durable-job", "manager")
                                            .json()
                                            .path("jobs")
                                            .path(0)
                                            .path("followUps")
                                            .path(horizonKey)
                                            .asText())
                            .isEqualTo("STILL_ACTIVE"));
        }
    }
}
