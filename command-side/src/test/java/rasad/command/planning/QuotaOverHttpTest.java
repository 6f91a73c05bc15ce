package rasad.command.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import rasad.command.CommandApiTest;
import rasad.kernel.people.NationalId;

/** A bank's quota counted across snapshots (the test context snapshots every three events). */
class QuotaOverHttpTest extends CommandApiTest {

    @Test
    void tranches_count_against_the_banks_quota_across_its_snapshots() throws Exception {
        HttpResponse<String> quota = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                + "/api/planning/1404/quotas/BANK/bank-sepah/HOME_BUSINESS/snapshot-test-1404"))
                        .header("Content-Type", "application/json")
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString("manager:manager".getBytes(StandardCharsets.UTF_8)))
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"amountRials\": 10000000000}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(quota.statusCode()).as(quota.body()).isEqualTo(200);

        List<Boolean> beyond = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String facility = "quota-snap-" + i;
            assertThat(post("admin", "/api/facilities", """
                    {"facilityId": "%s", "beneficiary": {"nationalId": "%s", "name": "Reza Azari"},
                     "programme": "HOME_BUSINESS", "bank": "bank-sepah", "agency": "relief-committee", "county": "tabriz",
                     "amountRials": 3000000000, "committedJobs": 1, "grantedOn": "2025-05-01",
                     "fundingSource": "snapshot-test-1404"}""".formatted(
                                            facility,
                                            NationalId.completing(String.format("%09d", 300_000_000 + i))
                                                    .value()))
                            .statusCode())
                    .isEqualTo(201);
            HttpResponse<String> paid = post(
                    "admin",
                    "/api/facilities/" + facility + "/tranches",
                    "{\"trancheId\": \"t-1\", \"amountRials\": 3000000000, \"paidOn\": \"2025-05-10\"}");
            assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
            beyond.add(JSON.readTree(paid.body()).get("beyondQuota").asBoolean());
        }

        assertThat(beyond).containsExactly(false, false, false, true, true); // 3, 6, 9 of 10 bn; then 12, 15
        assertThat(eventsOf("1404/BANK/bank-sepah/HOME_BUSINESS/snapshot-test-1404")
                        .get(0)
                        .getPayload())
                .as("loaded from a snapshot")
                .isInstanceOf(Quota.class);
    }

    @Test
    void a_tranche_paid_in_no_fiscal_year_is_refused_naming_paid_on_and_nothing_is_recorded() throws Exception {
        String facility = "far-tranche-1";
        assertThat(post("admin", "/api/facilities", """
                {"facilityId": "%s", "beneficiary": {"nationalId": "%s", "name": "Reza Azari"},
                 "programme": "HOME_BUSINESS", "bank": "bank-sepah", "agency": "relief-committee", "county": "tabriz",
                 "amountRials": 3000000000, "committedJobs": 1, "grantedOn": "2025-05-01",
                 "fundingSource": "snapshot-test-1404"}""".formatted(
                                facility, NationalId.completing("300000099").value()))
                        .statusCode())
                .isEqualTo(201);
        for (String paidOn : new String[] {"\"2999-01-01\"", "\"+10000-01-01\"", "20250501"}) {
            HttpResponse<String> refused = post(
                    "admin",
                    "/api/facilities/" + facility + "/tranches",
                    "{\"trancheId\": \"t-far\", \"amountRials\": 1000000000, \"paidOn\": " + paidOn + "}");
            assertThat(refused.statusCode()).as(paidOn + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.body()).as(paidOn).contains("paidOn");
        }
        assertThat(eventsOf(facility))
                .as("the bank was told no: the store says so too")
                .hasSize(1);
        HttpResponse<String> paid = post(
                "admin",
                "/api/facilities/" + facility + "/tranches",
                "{\"trancheId\": \"t-far\", \"amountRials\": 1000000000, \"paidOn\": \"2025-05-10\"}");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
    }
}
