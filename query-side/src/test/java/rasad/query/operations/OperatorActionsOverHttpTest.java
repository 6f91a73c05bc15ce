package rasad.query.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rasad.kernel.alerts.AlertRule;
import rasad.kernel.alerts.AlertRuleParametersChanged;
import rasad.kernel.alerts.ParameterChangeId;
import rasad.kernel.alerts.Severity;
import rasad.query.alerts.AlertsApiTest;

/** Operator actions, for auditors: every rebuild request and every alert-rule change, newest first. */
class OperatorActionsOverHttpTest extends AlertsApiTest {

    @Test
    void every_operator_action_is_listed_newest_first_with_who_when_and_why() {
        Instant changedAt = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
        publish(
                "AlertRuleParameterChange",
                "alert-rule-change/c-ops-1",
                new AlertRuleParametersChanged(
                        ParameterChangeId.of("c-ops-1"),
                        AlertRule.R8,
                        "DIGITAL_ECONOMY",
                        Map.of("same-operator", 10, "operator-roles", List.of("agency-clerk")),
                        Severity.CRITICAL,
                        null,
                        "brokers were seen in Marand"),
                changedAt,
                "admin",
                "admin",
                "rasad-operations");
        requestRebuild("rb-ops-1", "no-such-read-model", "a typo, refused");

        JsonNode rebuild = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> get("auditor", "/api/operator-actions/rebuild:rb-ops-1"),
                        answer -> answer.status() == 200
                                && "REFUSED".equals(answer.json().path("status").asText()))
                .json();
        assertThat(rebuild.get("refusalRule").asText()).isEqualTo("UNKNOWN_READ_MODEL");
        assertThat(rebuild.get("reason").asText()).isEqualTo("a typo, refused");

        JsonNode changes =
                get("manager", "/api/operator-actions?kind=ALERT_RULE_CHANGE").json();
        JsonNode change = find(changes, "alert-rule-change:c-ops-1");
        assertThat(change.get("kind").asText()).isEqualTo("ALERT_RULE_CHANGE");
        assertThat(change.get("rule").asText()).isEqualTo("R8");
        assertThat(change.get("programme").asText()).isEqualTo("DIGITAL_ECONOMY");
        assertThat(change.at("/parameters/same-operator").asInt()).isEqualTo(10);
        assertThat(change.at("/parameters/operator-roles/0").asText()).isEqualTo("agency-clerk");
        assertThat(change.get("severity").asText()).isEqualTo("CRITICAL");
        assertThat(change.has("enabled")).as("left as it was").isFalse();
        assertThat(change.get("actor").asText()).isEqualTo("admin");
        assertThat(change.get("actorRole").asText()).isEqualTo("admin");
        assertThat(change.get("onBehalfOf").asText()).isEqualTo("rasad-operations");
        assertThat(change.get("reason").asText()).isEqualTo("brokers were seen in Marand");
        assertThat(Instant.parse(change.get("at").asText())).isEqualTo(changedAt);
        assertThat(change.has("status")).isFalse();
        changes.get("items")
                .forEach(item -> assertThat(item.get("kind").asText()).isEqualTo("ALERT_RULE_CHANGE"));

        List<String> all = new ArrayList<>();
        get("admin", "/api/operator-actions?size=200")
                .json()
                .get("items")
                .forEach(item -> all.add(item.get("actionId").asText()));
        assertThat(all).containsSubsequence("rebuild:rb-ops-1", "alert-rule-change:c-ops-1");
        JsonNode first = get("admin", "/api/operator-actions?size=1").json();
        assertThat(first.get("items")).hasSize(1);
        assertThat(first.get("totalItems").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(first.get("totalPages").asLong())
                .isEqualTo(first.get("totalItems").asLong());
    }

    @Test
    void bad_parameters_are_named_unknown_actions_are_404_and_other_roles_are_refused() {
        assertRefused("/api/operator-actions?kind=RESTART", "kind", "ONE_OF");
        assertRefused("/api/operator-actions?size=0", "size", "PAGE_SIZE_OUT_OF_RANGE");
        assertRefused("/api/operator-actions?page=-1", "page", "PAGE_NEGATIVE");
        assertThat(get("admin", "/api/operator-actions/rebuild:never").status()).isEqualTo(404);
        assertThat(get("inspector", "/api/operator-actions").status()).isEqualTo(403);
        assertThat(get("bank-officer", "/api/operator-actions").status()).isEqualTo(403);
        assertThat(get("auditor", "/api/operator-actions").status()).isEqualTo(200);
    }

    private void assertRefused(String path, String field, String rule) {
        Response refused = get("admin", path);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo(field);
        assertThat(refused.json().at("/errors/0/rule").asText()).isEqualTo(rule);
    }

    private static JsonNode find(JsonNode page, String actionId) {
        for (JsonNode item : page.get("items")) {
            if (item.get("actionId").asText().equals(actionId)) {
                return item;
            }
        }
        throw new AssertionError(actionId + " not in " + page);
    }
}
