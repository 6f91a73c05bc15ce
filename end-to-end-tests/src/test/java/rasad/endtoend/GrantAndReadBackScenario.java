package rasad.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The first slice end to end: a facility granted over HTTP on the command side is read back from the query
 * side once its event is projected. Run against each kind of MongoDB Rasad supports.
 */
abstract class GrantAndReadBackScenario {

    final RasadHttp http = new RasadHttp();

    abstract RasadCluster rasad();

    static JsonNode awaitCase(RasadHttp http, String url) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> http.get(url, "manager").status() == 200);
        return http.get(url, "manager").json();
    }

    @Test
    void a_facility_granted_on_the_command_side_is_read_back_from_the_query_side() {
        RasadHttp.Response granted = http.post(
                rasad().commandUrl() + "/api/facilities",
                "bank-officer",
                RasadHttp.grant("e2e-1", "0499370899", "tabriz", "bank-melli"));

        assertThat(granted.status()).isEqualTo(201);
        String location = granted.header("Location");
        assertThat(location).isEqualTo(rasad().queryUrl() + "/api/facilities/e2e-1");

        JsonNode facility = awaitCase(http, location);
        assertThat(facility.get("facilityId").asText()).isEqualTo("e2e-1");
        assertThat(facility.at("/beneficiary/nationalId").asText()).isEqualTo("0499370899");
        assertThat(facility.get("programme").asText()).isEqualTo("HOME_BUSINESS");
        assertThat(facility.get("amountRials").asLong()).isEqualTo(3_000_000_000L);
        assertThat(facility.get("committedJobs").asInt()).isEqualTo(2);
        assertThat(facility.get("grantedOn").asText()).isEqualTo("2025-05-01");
        assertThat(facility.get("grantedBy").asText()).isEqualTo("bank-officer");
    }

    @Test
    void the_list_filters_by_county_programme_and_bank() {
        // the demo bank officer acts for bank-melli: another bank's grant is recorded by an admin
        http.post(
                rasad().commandUrl() + "/api/facilities",
                "admin",
                RasadHttp.grant("e2e-list-1", "0013542419", "marand", "bank-sepah"));
        http.post(
                rasad().commandUrl() + "/api/facilities",
                "bank-officer",
                RasadHttp.grant("e2e-list-2", "0084575948", "marand", "bank-melli"));
        awaitCase(http, rasad().queryUrl() + "/api/facilities/e2e-list-2");
        awaitCase(http, rasad().queryUrl() + "/api/facilities/e2e-list-1");

        JsonNode page = http.get(
                        rasad().queryUrl() + "/api/facilities?county=marand&programme=HOME_BUSINESS&bank=bank-sepah",
                        "auditor")
                .json();

        assertThat(page.get("totalItems").asLong()).isOne();
        assertThat(page.at("/items/0/facilityId").asText()).isEqualTo("e2e-list-1");
    }

    @Test
    void without_credentials_both_sides_answer_401() {
        assertThat(http.post(
                                rasad().commandUrl() + "/api/facilities",
                                null,
                                RasadHttp.grant("e2e-anon", "0499370899", "tabriz", "bank-melli"))
                        .status())
                .isEqualTo(401);
        assertThat(http.get(rasad().queryUrl() + "/api/facilities", null).status())
                .isEqualTo(401);
        assertThat(http.get(rasad().queryUrl() + "/api/facilities/e2e-1", "manager", "wrong-password")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void both_sides_report_ready_only_with_their_database() {
        for (String side : new String[] {rasad().commandUrl(), rasad().queryUrl()}) {
            RasadHttp.Response readiness = http.get(side + "/actuator/health/readiness", null);
            assertThat(readiness.status()).isEqualTo(200);
            assertThat(readiness.json().get("status").asText()).isEqualTo("UP");
        }
    }
}
