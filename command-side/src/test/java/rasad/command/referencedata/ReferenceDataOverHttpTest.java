package rasad.command.referencedata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import rasad.command.CommandSideApplication;

@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.config.name=command-side",
                "rasad.mongodb.embedded.port=0",
                "rasad.mongodb.embedded.backend=memory",
                "rasad.links.query-side=http://127.0.0.1:18082"
        })
class ReferenceDataOverHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    HttpResponse<String> post(String user, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Basic " + Base64.getEncoder()
                                .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void an_admin_adds_a_programme_without_a_release_and_retires_it_with_a_reason() throws Exception {
        HttpResponse<String> added = post("admin", "/api/reference-data", """
                {"kind": "PROGRAMME", "code": "DIGITAL_ECONOMY", "nameFa": "اقتصاد دیجیتال", "nameEn": "Digital economy"}""");
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(added.headers().firstValue("Location"))
                .hasValue("http://127.0.0.1:18082/api/reference-data/PROGRAMME/DIGITAL_ECONOMY");

        HttpResponse<String> retired = post("admin", "/api/reference-data/PROGRAMME/DIGITAL_ECONOMY/retirement",
                "{\"reason\": \"merged into the general programme\"}");
        assertThat(retired.statusCode()).isEqualTo(204);

        var events = eventStore.readEvents("PROGRAMME/DIGITAL_ECONOMY").asStream().toList();
        assertThat(events).hasSize(2);
        assertThat(events.get(1).getMetaData().get("reason")).isEqualTo("merged into the general programme");
    }

    @Test
    void only_admins_change_reference_data() throws Exception {
        HttpResponse<String> response = post("manager", "/api/reference-data",
                "{\"kind\": \"COUNTY\", \"code\": \"marand\", \"nameFa\": \"مرند\"}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(eventStore.readEvents("COUNTY/marand").asStream()).isEmpty();
    }

    @Test
    void each_broken_rule_is_named_with_its_field() throws Exception {
        HttpResponse<String> noKind = post("admin", "/api/reference-data", "{\"kind\": \"CITY\", \"code\": \"x\", \"nameFa\": \"\"}");
        assertThat(noKind.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noKind.body()).get("errors"))
                .extracting(e -> e.get("field").asText() + "=" + e.get("rule").asText())
                .containsExactly("kind=UNKNOWN_REFERENCE_KIND", "nameFa=REQUIRED");

        HttpResponse<String> branch = post("admin", "/api/reference-data",
                "{\"kind\": \"BANK_BRANCH\", \"code\": \"melli-marand\", \"nameFa\": \"شعبه مرند\"}");
        assertThat(JSON.readTree(branch.body()).at("/errors/0/field").asText()).isEqualTo("parentBank");
        assertThat(JSON.readTree(branch.body()).at("/errors/0/rule").asText()).isEqualTo("BRANCH_WITHOUT_BANK");

        HttpResponse<String> noReason = post("admin", "/api/reference-data/COUNTY/tabriz/retirement", "{}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noReason.body()).at("/errors/0/field").asText()).isEqualTo("reason");
    }

    @Test
    void conflicts_and_unknown_entries_answer_409_and_404() throws Exception {
        post("admin", "/api/reference-data", "{\"kind\": \"BANK\", \"code\": \"bank-sepah\", \"nameFa\": \"بانک سپه\"}");
        HttpResponse<String> other = post("admin", "/api/reference-data",
                "{\"kind\": \"BANK\", \"code\": \"bank-sepah\", \"nameFa\": \"بانک ملت\"}");
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(other.body()).get("rule").asText()).isEqualTo("REFERENCE_CODE_TAKEN");

        HttpResponse<String> unknown = post("admin", "/api/reference-data/BANK/bank-nowhere/retirement",
                "{\"reason\": \"typo\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }
}
