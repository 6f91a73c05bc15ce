package rasad.query.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import rasad.kernel.alerts.AlertRaised;
import rasad.kernel.alerts.AlertRule;
import rasad.kernel.alerts.Evidence;
import rasad.kernel.alerts.Severity;

/**
 * A year imported in one afternoon: every alert is raised today, but each sign appeared when its evidence
 * happened in the earlier system, and that is what ages and "oldest first" count from.
 */
class AlertAgeFromBusinessTimeOverHttpTest extends AlertsApiTest {

    private static final String AGENCY = "age-business-agency";

    @Test
    void an_imported_sign_is_as_old_as_its_evidence_and_comes_first_among_equals() {
        // given: raised a minute apart today; the first on a check that happened 200 days ago elsewhere
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant checkedLongAgo = daysAgo(200, 0);
        raised("r3.age-fresh", now.minusSeconds(60), null);
        raised("r3.age-imported", now, checkedLongAgo);
        awaitProjected();

        // when
        Response list = get("manager", "/api/alerts?agency=" + AGENCY);

        // then
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(ids(list)).containsExactly("r3.age-imported", "r3.age-fresh");
        JsonNode imported = list.json().get("items").get(0);
        assertThat(imported.get("ageDays").asLong()).isEqualTo(200);
        assertThat(Instant.parse(imported.get("since").asText())).isEqualTo(checkedLongAgo);
        assertThat(Instant.parse(imported.get("raisedAt").asText())).isEqualTo(now);
        JsonNode fresh = list.json().get("items").get(1);
        assertThat(fresh.get("ageDays").asLong()).isZero();
        assertThat(ids(get("manager", "/api/alerts?agency=" + AGENCY + "&minAgeDays=100")))
                .containsExactly("r3.age-imported");
        assertThat(ids(get("manager", "/api/alerts?agency=" + AGENCY + "&sort=-age")))
                .containsExactly("r3.age-imported", "r3.age-fresh");
        JsonNode one = get("manager", "/api/alerts/r3.age-imported").json();
        assertThat(one.toString()).contains(checkedLongAgo.toString());
    }

    private void raised(String alertId, Instant at, Instant evidenceOccurredAt) {
        publish(
                "Alert",
                alertId,
                new AlertRaised(
                        alertId,
                        1,
                        AlertRule.R3,
                        Severity.MEDIUM,
                        subject("f-" + alertId, "bank-melli", "tabriz", AGENCY, "HOME_BUSINESS"),
                        "SMS check denied",
                        List.of(new Evidence(
                                "evidence-" + alertId,
                                "SmsCheckRecorded",
                                at.minusSeconds(30),
                                "denied",
                                evidenceOccurredAt))),
                at,
                "rasad-monitoring",
                "system",
                "rule R3");
    }
}
