package rasad.command.alerts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rasad.kernel.alerts.AcknowledgeAlert;
import rasad.kernel.alerts.AddAlertNote;
import rasad.kernel.alerts.AlertAcknowledged;
import rasad.kernel.alerts.AlertAssigned;
import rasad.kernel.alerts.AlertCleared;
import rasad.kernel.alerts.AlertNoted;
import rasad.kernel.alerts.AlertRaised;
import rasad.kernel.alerts.AlertResolution;
import rasad.kernel.alerts.AlertResolved;
import rasad.kernel.alerts.AlertRule;
import rasad.kernel.alerts.AlertSubject;
import rasad.kernel.alerts.AssignAlert;
import rasad.kernel.alerts.ClearAlert;
import rasad.kernel.alerts.Evidence;
import rasad.kernel.alerts.RaiseAlert;
import rasad.kernel.alerts.ResolveAlert;
import rasad.kernel.alerts.Severity;
import rasad.kernel.validation.NotResponsible;
import rasad.kernel.validation.RuleViolation;

class AlertTest {

    private static final String R5 = "r5.f-1";
    private static final AlertSubject FACILITY =
            new AlertSubject("f-1", "bank-melli", "tabriz", "relief-committee", "HOME_BUSINESS", "facility f-1");
    private static final List<Evidence> VISIT = List.of(new Evidence(
            "e-1", "FieldVisitRecorded", Instant.parse("2025-08-01T08:00:00Z"), "visit v-1: the business was closed"));
    private static final RaiseAlert RAISE = new RaiseAlert(
            R5, AlertRule.R5, Severity.HIGH, FACILITY, "the field visit found that the business was closed", VISIT);
    private static final AlertRaised RAISED = new AlertRaised(
            R5, 1, AlertRule.R5, Severity.HIGH, FACILITY, "the field visit found that the business was closed", VISIT);
    private static final AlertCleared CLEARED = new AlertCleared(R5, 1, "a later visit found it operating", List.of());

    private FixtureConfiguration<Alert> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Alert.class);
    }

    @Test
    void a_rule_raises_an_alert_with_its_evidence() {
        fixture.givenNoPriorActivity().when(RAISE).expectEvents(RAISED);
    }

    @Test
    void the_same_open_condition_is_never_raised_twice() {
        fixture.given(RAISED).when(RAISE).expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void an_alert_clears_when_its_condition_ends_and_only_once() {
        fixture.given(RAISED)
                .when(new ClearAlert(R5, "a later visit found it operating", List.of()))
                .expectEvents(CLEARED);
        fixture.given(RAISED, CLEARED)
                .when(new ClearAlert(R5, "again", List.of()))
                .expectNoEvents();
    }

    @Test
    void clearing_a_condition_never_raised_records_nothing() {
        fixture.givenNoPriorActivity()
                .when(new ClearAlert(R5, "a later visit found it operating", List.of()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_condition_that_comes_back_is_a_new_episode() {
        fixture.given(RAISED, CLEARED)
                .when(RAISE)
                .expectEvents(new AlertRaised(
                        R5,
                        2,
                        AlertRule.R5,
                        Severity.HIGH,
                        FACILITY,
                        "the field visit found that the business was closed",
                        VISIT));
    }

    @Test
    void a_false_alarm_is_not_raised_again_while_its_condition_holds() {
        AlertResolved falseAlarm =
                new AlertResolved(R5, 1, AlertResolution.FALSE_ALARM, "f-1", "the owner moved the workshop");
        fixture.given(RAISED, falseAlarm).when(RAISE).expectNoEvents();
        fixture.given(RAISED, falseAlarm)
                .when(new ClearAlert(R5, "a later visit found it operating", List.of()))
                .expectEvents(CLEARED);
    }

    @Test
    void acknowledging_twice_records_it_once() {
        fixture.given(RAISED)
                .when(new AcknowledgeAlert(R5, "on it"))
                .expectEvents(new AlertAcknowledged(R5, 1, "on it"));
        fixture.given(RAISED, new AlertAcknowledged(R5, 1, "on it"))
                .when(new AcknowledgeAlert(R5, null))
                .expectNoEvents();
    }

    @Test
    void assigning_sends_an_inspector_to_the_facility() {
        fixture.given(RAISED)
                .when(new AssignAlert(R5, "inspector", LocalDate.of(2025, 9, 1), null))
                .expectEvents(new AlertAssigned(R5, 1, "f-1", "inspector", LocalDate.of(2025, 9, 1), null));
    }

    @Test
    void an_alert_about_many_facilities_cannot_be_assigned_as_one_visit() {
        AlertRaised cluster = new AlertRaised(
                "r8.mobile.0a1b2c3d4e5f6a7b",
                1,
                AlertRule.R8,
                Severity.HIGH,
                new AlertSubject(null, "bank-melli", "tabriz", null, "HOME_BUSINESS", "3 facilities share one mobile"),
                "3 facilities share one mobile number",
                List.of());
        fixture.given(cluster)
                .when(new AssignAlert("r8.mobile.0a1b2c3d4e5f6a7b", "inspector", LocalDate.of(2025, 9, 1), null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(Matchers.containsString("not about one facility"));
    }

    @Test
    void a_note_retried_with_its_id_is_recorded_once() {
        AlertNoted noted = new AlertNoted(R5, 1, "n-1", "called the bank");
        fixture.given(RAISED)
                .when(new AddAlertNote(R5, "n-1", "called the bank"), manager())
                .expectEvents(noted);
        fixture.given(RAISED, noted)
                .when(new AddAlertNote(R5, "n-1", "called the bank"), manager())
                .expectNoEvents();
    }

    @Test
    void an_inspector_notes_only_an_alert_assigned_to_them() {
        AlertAssigned assigned = new AlertAssigned(R5, 1, "f-1", "inspector-ahar", LocalDate.of(2025, 9, 1), null);
        fixture.given(RAISED, assigned)
                .when(new AddAlertNote(R5, "n-1", "seen"), inspector("inspector"))
                .expectException(NotResponsible.class);
        fixture.given(RAISED, assigned)
                .when(new AddAlertNote(R5, "n-1", "seen"), inspector("inspector-ahar"))
                .expectEvents(new AlertNoted(R5, 1, "n-1", "seen"));
    }

    @Test
    void a_resolved_alert_takes_no_more_triage_but_the_same_resolution_retried_is_accepted() {
        AlertResolved confirmed = new AlertResolved(R5, 1, AlertResolution.DIVERSION_CONFIRMED, "f-1", "second visit");
        fixture.given(RAISED)
                .when(new ResolveAlert(R5, AlertResolution.DIVERSION_CONFIRMED, "second visit"))
                .expectEvents(confirmed);
        fixture.given(RAISED, confirmed)
                .when(new ResolveAlert(R5, AlertResolution.DIVERSION_CONFIRMED, "second visit"))
                .expectNoEvents();
        fixture.given(RAISED, confirmed)
                .when(new ResolveAlert(R5, AlertResolution.FALSE_ALARM, "changed my mind"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(Matchers.containsString("closed"));
        fixture.given(RAISED, confirmed).when(new AcknowledgeAlert(R5, null)).expectException(RuleViolation.class);
    }

    @Test
    void a_cleared_alert_takes_no_triage() {
        fixture.given(RAISED, CLEARED)
                .when(new AssignAlert(R5, "inspector", LocalDate.of(2025, 9, 1), null))
                .expectException(RuleViolation.class);
    }

    private static MetaData manager() {
        return MetaData.with("actor", "manager").and("actorRole", "manager");
    }

    private static MetaData inspector(String name) {
        return MetaData.with("actor", name).and("actorRole", "inspector");
    }
}
