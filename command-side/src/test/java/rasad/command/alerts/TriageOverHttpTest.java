package rasad.command.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rasad.command.CommandApiTest;
import rasad.kernel.alerts.AlertAcknowledged;
import rasad.kernel.alerts.AlertAssigned;
import rasad.kernel.alerts.AlertEscalated;
import rasad.kernel.alerts.AlertIds;
import rasad.kernel.alerts.AlertNoted;
import rasad.kernel.alerts.AlertRaised;
import rasad.kernel.alerts.AlertResolution;
import rasad.kernel.alerts.AlertResolved;
import rasad.kernel.diversion.DiversionConfirmed;
import rasad.kernel.people.NationalId;
import rasad.kernel.sampling.FieldVisitAssigned;

/**
 * Triage through the REST API: who may do what, what each step sets going, and that every step carries who did
 * it and why. Each test works on its own facility, whose field visit finds the business closed (R5).
 */
class TriageOverHttpTest extends CommandApiTest {

    private static int facilities;
    private String facility;
    private String alert;

    @BeforeEach
    void aClosedBusiness() throws Exception {
        facility = "triage-" + (++facilities);
        alert = "r5." + facility;
        HttpResponse<String> granted = post("admin", "/api/facilities", """
                {"facilityId": "%s", "beneficiary": {"nationalId": "%s", "name": "Leila Azari"},
                 "programme": "HOME_BUSINESS", "bank": "bank-melli", "agency": "relief-committee", "county": "tabriz",
                 "amountRials": 3000000000, "committedJobs": 1, "grantedOn": "2025-03-25"}""".formatted(
                        facility,
                        NationalId.completing(String.format("%09d", 500_000_000 + facilities))
                                .value()));
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
        assertThat(post("admin", "/api/facilities/" + facility + "/field-visits", """
                {"visitId": "%s-v1", "deviceTime": "%s", "latitude": 38.08, "longitude": 46.29, "businessOperating": false,
                 "jobsSeen": {}, "moneyUsedAsPlanned": false, "photos": []}""".formatted(
                                        facility, Instant.now().minusSeconds(60)))
                        .statusCode())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> !eventsOf(alert).isEmpty());
    }

    @Test
    void a_manager_acknowledges_notes_escalates_and_each_step_says_who_and_why() throws Exception {
        assertThat(post("manager", "/api/alerts/" + alert + "/acknowledgement", "{\"note\": \"calling the bank\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(post(
                                "manager",
                                "/api/alerts/" + alert + "/notes",
                                "{\"noteId\": \"n-1\", \"note\": \"the bank confirms the payment\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(post(
                                "manager",
                                "/api/alerts/" + alert + "/notes",
                                "{\"noteId\": \"n-1\", \"note\": \"the bank confirms the payment\"}")
                        .statusCode())
                .as("retried")
                .isEqualTo(201);
        assertThat(post(
                                "manager",
                                "/api/alerts/" + alert + "/escalation",
                                "{\"escalateTo\": \"provincial-committee\", \"reason\": \"a third closed workshop this month\"}")
                        .statusCode())
                .isEqualTo(200);

        var events = eventsOf(alert);
        assertThat(events)
                .extracting(event -> (Object) event.getPayload().getClass())
                .containsExactly(AlertRaised.class, AlertAcknowledged.class, AlertNoted.class, AlertEscalated.class);
        var escalated = events.get(3);
        assertThat(escalated.getMetaData())
                .containsEntry("actor", "manager")
                .containsEntry("actorRole", "manager")
                .containsEntry("onBehalfOf", "employment-committee")
                .containsEntry("reason", "a third closed workshop this month");
        assertThat(events.get(0).getMetaData())
                .containsEntry("actor", "rasad-monitoring")
                .containsEntry("onBehalfOf", "rule R5");
    }

    @Test
    void assigning_an_inspector_puts_a_field_visit_on_their_worklist() throws Exception {
        HttpResponse<String> assigned = post(
                "manager",
                "/api/alerts/" + alert + "/assignment",
                "{\"inspector\": \"inspector\", \"visitDueOn\": \"2026-12-20\", \"note\": \"see the workshop\"}");
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);

        FieldVisitAssigned visit = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> eventsOf("inspection/" + facility).stream()
                                .map(event -> event.getPayload())
                                .filter(FieldVisitAssigned.class::isInstance)
                                .map(FieldVisitAssigned.class::cast)
                                .findFirst()
                                .orElse(null),
                        found -> found != null);
        assertThat(visit.inspector()).isEqualTo("inspector");
        assertThat(visit.dueOn()).hasToString("2026-12-20");
        assertThat(eventsOf(alert).get(1).getPayload()).isInstanceOf(AlertAssigned.class);

        assertThat(post(
                                "inspector-ahar",
                                "/api/alerts/" + alert + "/notes",
                                "{\"noteId\": \"n-2\", \"note\": \"not mine\"}")
                        .statusCode())
                .as("not assigned to this inspector")
                .isEqualTo(403);
    }

    @Test
    void an_inspector_is_sent_only_where_the_staff_register_says_they_inspect() throws Exception {
        HttpResponse<String> elsewhere = post(
                "manager",
                "/api/alerts/" + alert + "/assignment",
                "{\"inspector\": \"inspector-ahar\", \"visitDueOn\": \"1405/09/30\"}");
        assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(400);
        assertThat(elsewhere.body()).contains("\"field\":\"inspector\"", "INSPECTOR_OUT_OF_SCOPE");
        assertThat(eventsOf(alert)).hasSize(1);
    }

    @Test
    void confirming_a_diversion_starts_the_recall_decision() throws Exception {
        HttpResponse<String> resolved = post(
                "manager",
                "/api/alerts/" + alert + "/resolution",
                "{\"resolution\": \"DIVERSION_CONFIRMED\", \"reason\": \"the equipment was sold\"}");
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
        assertThat(eventsOf(alert).get(1).getPayload())
                .isEqualTo(new AlertResolved(
                        alert, 1, AlertResolution.DIVERSION_CONFIRMED, facility, "the equipment was sold"));

        String finding = "alert-" + AlertIds.digest(alert + "#1");
        DiversionConfirmed confirmed = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> eventsOf(finding).stream()
                                .map(event -> event.getPayload())
                                .filter(DiversionConfirmed.class::isInstance)
                                .map(DiversionConfirmed.class::cast)
                                .findFirst()
                                .orElse(null),
                        found -> found != null);
        assertThat(confirmed.facilityId().value()).isEqualTo(facility);
        assertThat(eventsOf(finding).get(1).getMetaData()).containsEntry("actor", "manager");

        assertThat(post("manager", "/api/alerts/" + alert + "/acknowledgement", "{}")
                        .statusCode())
                .as("a resolved alert takes no more triage")
                .isEqualTo(409);
    }

    @Test
    void only_managers_triage_and_only_managers_resolve() throws Exception {
        for (String user : List.of("bank-officer", "agency-clerk", "inspector", "auditor")) {
            assertThat(post(
                                    user,
                                    "/api/alerts/" + alert + "/resolution",
                                    "{\"resolution\": \"FALSE_ALARM\", \"reason\": \"fine\"}")
                            .statusCode())
                    .as(user)
                    .isEqualTo(403);
            assertThat(post(user, "/api/alerts/" + alert + "/acknowledgement", "{}")
                            .statusCode())
                    .as(user)
                    .isEqualTo(403);
        }
        assertThat(eventsOf(alert)).hasSize(1);
    }

    @Test
    void bad_triage_requests_name_the_field_and_the_rule() throws Exception {
        HttpResponse<String> noReason =
                post("manager", "/api/alerts/" + alert + "/resolution", "{\"resolution\": \"FALSE_ALARM\"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("\"field\":\"reason\"");
        HttpResponse<String> unknownResolution = post(
                "manager",
                "/api/alerts/" + alert + "/resolution",
                "{\"resolution\": \"MAYBE\", \"reason\": \"unsure\"}");
        assertThat(unknownResolution.statusCode()).isEqualTo(400);
        assertThat(unknownResolution.body()).contains("RESOLUTION_UNKNOWN");
        assertThat(post("manager", "/api/alerts/R5!x/acknowledgement", "{}").body())
                .contains("ALERT_ID_FORMAT");
        assertThat(post("manager", "/api/alerts/r5.no-such-facility/acknowledgement", "{}")
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> noDate =
                post("manager", "/api/alerts/" + alert + "/assignment", "{\"inspector\": \"inspector\"}");
        assertThat(noDate.statusCode()).isEqualTo(400);
        assertThat(noDate.body()).contains("\"field\":\"visitDueOn\"");
        assertThat(eventsOf(alert)).hasSize(1);
    }
}
