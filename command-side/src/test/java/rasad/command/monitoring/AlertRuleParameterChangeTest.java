package rasad.command.monitoring;

import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rasad.kernel.alerts.AlertRule;
import rasad.kernel.alerts.AlertRuleParametersChanged;
import rasad.kernel.alerts.ChangeAlertRuleParameters;
import rasad.kernel.alerts.ParameterChangeId;
import rasad.kernel.alerts.Severity;
import rasad.kernel.validation.RuleViolation;

/** A change of a rule's parameters is recorded once under its client's id. */
class AlertRuleParameterChangeTest {

    private static final ParameterChangeId CHANGE = ParameterChangeId.of("c-2026-11-r3");

    private FixtureConfiguration<AlertRuleParameterChange> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AlertRuleParameterChange.class);
    }

    private static ChangeAlertRuleParameters change(double share, Severity severity, String reason) {
        return new ChangeAlertRuleParameters(
                CHANGE, AlertRule.R3, "HOME_BUSINESS", Map.of("failed-checks-share", share), severity, null, reason);
    }

    @Test
    void a_change_is_recorded_with_its_canonical_values_and_its_reason() {
        fixture.givenNoPriorActivity()
                .when(change(0.3, Severity.HIGH, "committee decision 1405-08: too many unanswered texts go unseen"))
                .expectEvents(new AlertRuleParametersChanged(
                        CHANGE,
                        AlertRule.R3,
                        "HOME_BUSINESS",
                        Map.of("failed-checks-share", 0.3),
                        Severity.HIGH,
                        null,
                        "committee decision 1405-08: too many unanswered texts go unseen"))
                .expectResultMessagePayload(new AlertRuleParametersChanged(
                        CHANGE,
                        AlertRule.R3,
                        "HOME_BUSINESS",
                        Map.of("failed-checks-share", 0.3),
                        Severity.HIGH,
                        null,
                        "committee decision 1405-08: too many unanswered texts go unseen"));
    }

    @Test
    void the_same_change_again_records_nothing_and_answers_as_the_first_did() {
        AlertRuleParametersChanged first =
                change(0.3, Severity.HIGH, "committee decision").changed();
        fixture.given(first)
                .when(change(0.3, Severity.HIGH, "retried after a timeout"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(first);
    }

    @Test
    void other_content_under_the_same_id_is_refused() {
        fixture.given(change(0.3, Severity.HIGH, "committee decision").changed())
                .when(change(0.4, Severity.HIGH, "committee decision"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(
                        "change c-2026-11-r3 was recorded with other content; a new change needs a new id")
                .expectNoEvents();
    }
}
