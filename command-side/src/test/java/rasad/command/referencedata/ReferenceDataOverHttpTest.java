package rasad.command.referencedata;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import rasad.command.CommandApiTest;

/** Reference data over the command API. */
class ReferenceDataOverHttpTest extends CommandApiTest {

    @Test
    void an_admin_adds_a_programme_without_a_release_and_retires_it_with_a_reason() throws Exception {
        HttpResponse<String> added = post("admin", "/api/reference-data", """
                {"kind": "PROGRAMME", "code": "HANDICRAFT_PILOT", "nameFa": "صنایع دستی آزمایشی", "nameEn": "Handicraft pilot"}""");
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(added.headers().firstValue("Location"))
                .hasValue("http://127.0.0.1:18082/api/reference-data/PROGRAMME/HANDICRAFT_PILOT");

        HttpResponse<String> retired = post(
                "admin",
                "/api/reference-data/PROGRAMME/HANDICRAFT_PILOT/retirement",
                "{\"reason\": \"merged into the general programme\"}");
        assertThat(retired.statusCode()).isEqualTo(204);

        var events = eventsOf("PROGRAMME/HANDICRAFT_PILOT");
        assertThat(events).hasSize(2);
        assertThat(events.get(1).getMetaData().get("reason")).isEqualTo("merged into the general programme");
    }

    @Test
    void only_admins_change_reference_data() throws Exception {
        HttpResponse<String> response = post(
                "manager", "/api/reference-data", "{\"kind\": \"COUNTY\", \"code\": \"marand\", \"nameFa\": \"مرند\"}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(eventsOf("COUNTY/marand")).isEmpty();
    }

    @Test
    void each_broken_rule_is_named_with_its_field() throws Exception {
        HttpResponse<String> noKind =
                post("admin", "/api/reference-data", "{\"kind\": \"CITY\", \"code\": \"x\", \"nameFa\": \"\"}");
        assertThat(noKind.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noKind.body()).get("errors"))
                .extracting(e -> e.get("field").asText() + "=" + e.get("rule").asText())
                .containsExactly("kind=UNKNOWN_REFERENCE_KIND", "nameFa=REQUIRED");

        HttpResponse<String> branch = post(
                "admin",
                "/api/reference-data",
                "{\"kind\": \"BANK_BRANCH\", \"code\": \"melli-marand\", \"nameFa\": \"شعبه مرند\"}");
        assertThat(JSON.readTree(branch.body()).at("/errors/0/field").asText()).isEqualTo("parentBank");
        assertThat(JSON.readTree(branch.body()).at("/errors/0/rule").asText()).isEqualTo("BRANCH_WITHOUT_BANK");

        HttpResponse<String> noReason = post("admin", "/api/reference-data/COUNTY/tabriz/retirement", "{}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noReason.body()).at("/errors/0/field").asText())
                .isEqualTo("reason");
    }

    @Test
    void conflicts_and_unknown_entries_answer_409_and_404() throws Exception {
        post(
                "admin",
                "/api/reference-data",
                "{\"kind\": \"BANK\", \"code\": \"bank-sepah\", \"nameFa\": \"بانک سپه\"}");
        HttpResponse<String> other = post(
                "admin",
                "/api/reference-data",
                "{\"kind\": \"BANK\", \"code\": \"bank-sepah\", \"nameFa\": \"بانک ملت\"}");
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(other.body()).get("rule").asText()).isEqualTo("REFERENCE_CODE_TAKEN");

        HttpResponse<String> unknown =
                post("admin", "/api/reference-data/BANK/bank-nowhere/retirement", "{\"reason\": \"typo\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }
}
