package rasad.kernel.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rasad.kernel.validation.InvalidValueException;

class AlertRuleParameterTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void each_rule_takes_the_parameters_the_documentation_gives_it() {
        assertThat(AlertRuleParameter.of(AlertRule.R3))
                .containsExactly(AlertRuleParameter.FAILED_CHECKS_SHARE, AlertRuleParameter.MIN_FAILED_CHECKS);
        assertThat(AlertRuleParameter.of(AlertRule.R4))
                .containsExactly(AlertRuleParameter.FAILED_CHECKS_SHARE, AlertRuleParameter.MIN_FAILED_CHECKS);
        assertThat(AlertRuleParameter.of(AlertRule.R8))
                .extracting(AlertRuleParameter::key)
                .containsExactly(
                        "cluster-window",
                        "same-address",
                        "same-mobile",
                        "same-operator",
                        "operator-window",
                        "operator-roles");
        assertThat(AlertRuleParameter.of(AlertRule.R10)).isEmpty();
    }

    @Test
    void values_are_made_canonical() {
        assertThat(AlertRuleParameter.NO_JOB_WITHIN.canonical("P60D")).isEqualTo("P60D");
        assertThat(AlertRuleParameter.NO_JOB_WITHIN.canonical("PT48H")).isEqualTo("P2D");
        assertThat(AlertRuleParameter.FAILED_CHECKS_SHARE.canonical(1)).isEqualTo(1.0);
        assertThat(AlertRuleParameter.SAME_ADDRESS.canonical(5.0)).isEqualTo(5);
        assertThat(AlertRuleParameter.QUOTA_CHECK_FROM_MONTH.canonical(3)).isEqualTo(3);
        assertThat(AlertRuleParameter.MAX_VISIT_DISTANCE_METRES.canonical(750)).isEqualTo(750.0);
        assertThat(AlertRuleParameter.OPERATOR_ROLES.canonical(List.of("bank-officer", "agency-clerk", "agency-clerk")))
                .isEqualTo(List.of("agency-clerk", "bank-officer"));
        assertThat(AlertRuleParameter.SEASONAL_OCCUPATIONS.canonical(List.of(" harvest ", "زعفران")))
                .isEqualTo(List.of("harvest", "زعفران"));
    }

    @Test
    void values_outside_their_rule_are_refused_with_it() {
        assertRefused(AlertRuleParameter.NO_JOB_WITHIN, "P-5D", "PERIOD_NOT_POSITIVE");
        assertRefused(AlertRuleParameter.NO_JOB_WITHIN, "P0D", "PERIOD_NOT_POSITIVE");
        assertRefused(AlertRuleParameter.NO_JOB_WITHIN, "90 days", "PERIOD_FORMAT");
        assertRefused(AlertRuleParameter.NO_JOB_WITHIN, "PT36H", "PERIOD_FORMAT");
        assertRefused(AlertRuleParameter.NO_JOB_WITHIN, 90, "TYPE_MISMATCH");
        assertRefused(AlertRuleParameter.FAILED_CHECKS_SHARE, 1.5, "SHARE_OUT_OF_RANGE");
        assertRefused(AlertRuleParameter.FAILED_CHECKS_SHARE, -0.1, "SHARE_OUT_OF_RANGE");
        assertRefused(AlertRuleParameter.FAILED_CHECKS_SHARE, "0.5", "TYPE_MISMATCH");
        assertRefused(AlertRuleParameter.SAME_MOBILE, 1, "CLUSTER_BELOW_TWO");
        assertRefused(AlertRuleParameter.SAME_MOBILE, 2.5, "TYPE_MISMATCH");
        assertRefused(AlertRuleParameter.QUOTA_CHECK_FROM_MONTH, 13, "MONTH_RANGE");
        assertRefused(AlertRuleParameter.MIN_FAILED_CHECKS, 0, "COUNT_BELOW_ONE");
        assertRefused(AlertRuleParameter.QUOTA_BELOW_PERCENT_OF_EXPECTED, 0, "PERCENT_OUT_OF_RANGE");
        assertRefused(AlertRuleParameter.MAX_VISIT_DISTANCE_METRES, 0, "DISTANCE_NOT_POSITIVE");
        assertRefused(AlertRuleParameter.BENEFICIARY_MAY_BE_OWN_JOB, "yes", "TYPE_MISMATCH");
        assertRefused(AlertRuleParameter.OPERATOR_ROLES, List.of("broker"), "UNKNOWN_ROLE");
        assertRefused(AlertRuleParameter.SEASONAL_OCCUPATIONS, List.of(" "), "KEYWORD_FORMAT");
        assertRefused(AlertRuleParameter.SEASONAL_OCCUPATIONS, null, "REQUIRED");
    }

    @Test
    void a_rule_refuses_a_parameter_it_does_not_take() {
        assertThatThrownBy(() -> AlertRuleParameter.named(AlertRule.R3, "no-job-within"))
                .isInstanceOfSatisfying(InvalidValueException.class, refused -> {
                    assertThat(refused.rule()).isEqualTo("UNKNOWN_PARAMETER");
                    assertThat(refused.getMessage()).isEqualTo("R3 takes only failed-checks-share, min-failed-checks");
                });
        assertThatThrownBy(() -> AlertRuleParameter.named(AlertRule.R10, "anything"))
                .hasMessage("R10 takes no parameter (only a severity)");
    }

    @Test
    void a_change_reads_as_plain_json_and_back_as_the_same_change() throws Exception {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("same-operator", 10);
        parameters.put("cluster-window", "P30D");
        parameters.put("operator-roles", List.of("agency-clerk"));
        AlertRuleParametersChanged changed = new ChangeAlertRuleParameters(
                        ParameterChangeId.of("c-1"),
                        AlertRule.R8,
                        "DIGITAL_ECONOMY",
                        parameters,
                        Severity.CRITICAL,
                        null,
                        " brokers seen in Marand ")
                .changed();

        String text = json.writeValueAsString(changed);

        assertThat(text)
                .isEqualTo("{\"changeId\":\"c-1\",\"rule\":\"R8\",\"programme\":\"DIGITAL_ECONOMY\","
                        + "\"parameters\":{\"cluster-window\":\"P30D\",\"operator-roles\":[\"agency-clerk\"],\"same-operator\":10},"
                        + "\"severity\":\"CRITICAL\",\"enabled\":null,\"reason\":\"brokers seen in Marand\"}");
        AlertRuleParametersChanged read = json.readValue(text, AlertRuleParametersChanged.class);
        assertThat(read).isEqualTo(changed);
        assertThat(read.sameChangeAs(changed)).isTrue();
    }

    @Test
    void a_change_without_a_reason_or_without_anything_to_change_is_refused() {
        assertThatThrownBy(() -> new ChangeAlertRuleParameters(
                        ParameterChangeId.of("c-2"), AlertRule.R10, null, Map.of(), Severity.HIGH, null, " "))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        refused -> assertThat(refused.rule()).isEqualTo("REASON_REQUIRED"));
        assertThatThrownBy(() -> new ChangeAlertRuleParameters(
                        ParameterChangeId.of("c-3"), AlertRule.R10, null, Map.of(), null, null, "why not"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        refused -> assertThat(refused.rule()).isEqualTo("NOTHING_TO_CHANGE"));
    }

    private static void assertRefused(AlertRuleParameter parameter, Object value, String rule) {
        assertThatThrownBy(() -> parameter.canonical(value))
                .as(parameter.key() + " = " + value)
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        refused -> assertThat(refused.rule()).isEqualTo(rule));
    }
}
