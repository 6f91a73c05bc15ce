package rasad.command.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import rasad.command.CommandApiTest;
import rasad.kernel.operations.ReadModelRebuildRequested;
import rasad.kernel.operations.RebuildId;

/** An admin asks for a read-model rebuild over HTTP: recorded once as an event with who and why. */
class ReadModelRebuildOverHttpTest extends CommandApiTest {

    @Test
    void a_rebuild_request_is_recorded_once_with_who_asked_and_why() throws Exception {
        String body =
                "{\"rebuildId\": \"rb-1\", \"readModel\": \"dashboard\", \"reason\": \"a projection fix was deployed\"}";

        HttpResponse<String> accepted = post("admin", "/api/read-model-rebuilds", body, "X-Request-Id", "req-rb-1");
        HttpResponse<String> retried = post("admin", "/api/read-model-rebuilds", body, "X-Request-Id", "req-rb-1");

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.headers().firstValue("Location"))
                .hasValue("http://127.0.0.1:18082/api/operator-actions/rebuild:rb-1");
        assertThat(retried.statusCode()).isEqualTo(202);
        assertThat(retried.body()).isEqualTo(accepted.body());
        var events = eventsOf("read-model-rebuild/rb-1");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).getPayload())
                .isEqualTo(new ReadModelRebuildRequested(
                        RebuildId.of("rb-1"), "dashboard", "a projection fix was deployed"));
        assertThat(events.get(0).getMetaData())
                .containsEntry("actor", "admin")
                .containsEntry("actorRole", "admin")
                .containsEntry("onBehalfOf", "rasad-operations")
                .containsEntry("reason", "a projection fix was deployed")
                .containsEntry("requestId", "req-rb-1");
    }

    @Test
    void the_same_id_for_another_read_model_is_refused() throws Exception {
        post(
                "admin",
                "/api/read-model-rebuilds",
                "{\"rebuildId\": \"rb-2\", \"readModel\": \"facilities\", \"reason\": \"x\"}");

        HttpResponse<String> other = post(
                "admin",
                "/api/read-model-rebuilds",
                "{\"rebuildId\": \"rb-2\", \"readModel\": \"alerts\", \"reason\": \"x\"}");

        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(other.body()).get("rule").asText()).isEqualTo("REBUILD_ID_TAKEN");
        assertThat(eventsOf("read-model-rebuild/rb-2")).hasSize(1);
    }

    @Test
    void bad_requests_are_refused_naming_the_field_and_only_admins_ask() throws Exception {
        HttpResponse<String> noReason =
                post("admin", "/api/read-model-rebuilds", "{\"rebuildId\": \"rb-3\", \"readModel\": \"Dashboard!\"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noReason.body()).get("errors"))
                .extracting(e -> e.get("field").asText() + "=" + e.get("rule").asText())
                .containsExactly("readModel=READ_MODEL_FORMAT", "reason=REASON_REQUIRED");
        HttpResponse<String> noId =
                post("admin", "/api/read-model-rebuilds", "{\"readModel\": \"dashboard\", \"reason\": \"x\"}");
        assertThat(JSON.readTree(noId.body()).at("/errors/0/field").asText()).isEqualTo("rebuildId");
        assertThat(JSON.readTree(noId.body()).at("/errors/0/rule").asText()).isEqualTo("REQUIRED");
        assertThat(eventsOf("read-model-rebuild/rb-3")).isEmpty();

        HttpResponse<String> byManager = post(
                "manager",
                "/api/read-model-rebuilds",
                "{\"rebuildId\": \"rb-4\", \"readModel\": \"dashboard\", \"reason\": \"slow\"}");
        assertThat(byManager.statusCode()).isEqualTo(403);
        assertThat(eventsOf("read-model-rebuild/rb-4")).isEmpty();
    }
}
