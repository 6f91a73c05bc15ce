package rasad.command.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import rasad.eventstore.axon.MessageSerialization;
import rasad.kernel.alerts.AlertRule;
import rasad.kernel.alerts.AlertRuleParametersChanged;
import rasad.kernel.alerts.ChangeAlertRuleParameters;
import rasad.kernel.alerts.ParameterChangeId;
import rasad.kernel.alerts.Severity;

/** How changes lay over the configuration: per rule, for every programme, then per programme. */
class ParameterChangesTest {

    private static final RuleParameters DEFAULTS = new RuleParameters(
            Set.of(),
            Map.of(AlertRule.R3, Severity.MEDIUM, AlertRule.R4, Severity.MEDIUM, AlertRule.R6, Severity.HIGH),
            Duration.ofDays(90),
            Duration.ofDays(180),
            0.5,
            true,
            500.0,
            Duration.ofDays(7),
            Duration.ofDays(365),
            4,
            3,
            60,
            Duration.ofDays(30),
            List.of("agency-clerk"),
            Duration.ofDays(365),
            List.of("seasonal"),
            6,
            50,
            2);
    private static final AlertSettings CONFIGURED = new AlertSettings(
            DEFAULTS,
            Map.of(
                    "COOPERATIVE",
                            new RuleParameters(
                                    null, null, null, null, null, false, null, null, null, null, null, null, null, null,
                                    null, null, null, null, null),
                    "RURAL",
                            new RuleParameters(
                                    null, null, null, null, 0.6, null, null, null, null, null, null, null, null, null,
                                    null, null, null, null, null)));

    private final ParameterChanges changes = new ParameterChanges();

    @Test
    void without_changes_the_configuration_applies() {
        assertThat(changes.effective(CONFIGURED, AlertRule.R6, "COOPERATIVE").beneficiaryMayBeOwnJob())
                .isFalse();
        assertThat(changes.effective(CONFIGURED, AlertRule.R3, "HOME_BUSINESS").failedChecksShare())
                .isEqualTo(0.5);
    }

    @Test
    void a_change_for_every_programme_changes_only_its_rule_and_yields_to_a_programmes_own_setting() {
        apply(AlertRule.R3, null, Map.of("failed-checks-share", 0.4), Severity.HIGH, null);

        assertThat(changes.effective(CONFIGURED, AlertRule.R3, "HOME_BUSINESS").failedChecksShare())
                .isEqualTo(0.4);
        assertThat(changes.effective(CONFIGURED, AlertRule.R3, "HOME_BUSINESS").severityOf(AlertRule.R3))
                .isEqualTo(Severity.HIGH);
        assertThat(changes.effective(CONFIGURED, AlertRule.R4, "HOME_BUSINESS").failedChecksShare())
                .as("R4 reads the same parameter, but R3's change is R3's")
                .isEqualTo(0.5);
        assertThat(changes.effective(CONFIGURED, AlertRule.R3, "RURAL").failedChecksShare())
                .as("the programme's configured share outranks a change for every programme")
                .isEqualTo(0.6);
    }

    @Test
    void a_programmes_change_outranks_everything_and_later_changes_keep_earlier_parameters() {
        apply(AlertRule.R8, "RURAL", Map.of("same-address", 6, "cluster-window", "P30D"), null, null);
        apply(AlertRule.R8, "RURAL", Map.of("same-address", 8), null, false);
        apply(AlertRule.R8, null, Map.of("same-address", 5), null, null);

        RuleParameters rural = changes.effective(CONFIGURED, AlertRule.R8, "RURAL");
        assertThat(rural.sameAddress()).isEqualTo(8);
        assertThat(rural.clusterWindow()).isEqualTo(Duration.ofDays(30));
        assertThat(rural.enabled(AlertRule.R8)).isFalse();
        assertThat(rural.enabled(AlertRule.R3)).isTrue();
        RuleParameters other = changes.effective(CONFIGURED, AlertRule.R8, "HOME_BUSINESS");
        assertThat(other.sameAddress()).isEqualTo(5);
        assertThat(other.clusterWindow()).isEqualTo(Duration.ofDays(365));
        assertThat(other.enabled(AlertRule.R8)).isTrue();
        assertThat(changes.layer(AlertRule.R8, "RURAL").lastChange.changeId()).isEqualTo("c-2");
    }

    @Test
    void the_changes_survive_being_stored_and_read_back() throws Exception {
        apply(AlertRule.R8, "RURAL", Map.of("operator-roles", List.of("agency-clerk", "bank-officer")), null, null);
        var json = MessageSerialization.objectMapper();

        ParameterChanges read =
                json.readValue(Document.parse(json.writeValueAsString(changes)).toJson(), ParameterChanges.class);

        assertThat(read.effective(CONFIGURED, AlertRule.R8, "RURAL").operatorRoles())
                .containsExactly("agency-clerk", "bank-officer");
        assertThat(read.layer(AlertRule.R8, "RURAL").lastChange)
                .isEqualTo(changes.layer(AlertRule.R8, "RURAL").lastChange);
    }

    private int count;

    private void apply(
            AlertRule rule, String programme, Map<String, Object> parameters, Severity severity, Boolean enabled) {
        String id = "c-" + ++count;
        AlertRuleParametersChanged changed = new ChangeAlertRuleParameters(
                        ParameterChangeId.of(id), rule, programme, parameters, severity, enabled, "test")
                .changed();
        changes.apply(
                changed,
                new ParameterChanges.LastChange(
                        id,
                        changed.parameters(),
                        severity,
                        enabled,
                        "test",
                        "admin",
                        "admin",
                        "rasad-operations",
                        Instant.parse("2026-11-27T08:00:00Z"),
                        count));
    }
}
