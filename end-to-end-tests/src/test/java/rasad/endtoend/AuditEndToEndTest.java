package rasad.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an auditor asks of a case, through both applications: its whole history, its state as of past instants
 * on both time axes, and its verification; and personal data shown in full only to those whose readings are
 * logged.
 */
class AuditEndToEndTest {

    @TempDir
    static Path dataDir;

    static RasadCluster rasad;
    private final RasadHttp http = new RasadHttp();

    @BeforeAll
    static void start() throws Exception {
        rasad = RasadCluster.embedded(EmbeddedDefaultEndToEndTest.freePort(), dataDir, "memory");
    }

    @AfterAll
    static void stop() {
        rasad.close();
    }

    @Test
    void
            the_case_as_of_past_instants_is_what_the_live_view_showed_then_and_an_offline_visit_was_true_before_it_was_known()
                    throws Exception {
        String facilities = rasad.commandUrl() + "/api/facilities";
        String facility = "e2e-audited";
        http.post(facilities, "bank-officer", RasadHttp.grant(facility, "0013542419", "tabriz", "bank-melli"));
        JsonNode granted =
                liveWhen(facility, view -> view.get("status").asText().equals("GRANTED"));
        Instant afterGrant = Instant.now();

        Instant onSite = Instant.now(); // the inspector's device time: the visit happens now, offline
        http.post(
                facilities + "/" + facility + "/tranches",
                "bank-officer",
                "{\"trancheId\": \"t1\", \"amountRials\": 1000000000, \"paidOn\": \"2025-05-10\"}");
        http.post(
                facilities + "/" + facility + "/jobs",
                "agency-clerk",
                "{\"jobId\": \"j-1\", \"nationalId\": "
                        + "\"0084575948\", \"occupation\": \"tailor\", \"startedOn\": \"" + LocalDate.now() + "\"}");
        JsonNode paid = liveWhen(
                facility,
                view -> view.get("jobs").size() == 1 && view.get("paidRials").asLong() > 0);
        JsonNode paidDashboard =
                dashboardWhen(dashboard -> dashboard.at("/total/paidRials").asLong() == 1_000_000_000L);
        Instant afterPayment = Instant.now();

        assertThat(http.post(rasad.commandUrl() + "/api/samples", "manager", """
                {"sampleId": "s-audited", "seed": 1, "defaultSize": 1, "inspectors": ["inspector"], "dueOn": "2025-07-15",
                 "frame": [{"facilityId": "e2e-audited", "county": "tabriz", "programme": "HOME_BUSINESS"}]}""")
                        .status())
                .isEqualTo(201);
        assertThat(http.post(
                                facilities + "/" + facility + "/field-visits",
                                "inspector",
                                "{\"visitId\": \"v-audited\", "
                                        + "\"deviceTime\": \"" + onSite
                                        + "\", \"latitude\": 38.08, \"longitude\": 46.29, \"accuracyMetres\": 5, "
                                        + "\"businessOperating\": true, \"moneyUsedAsPlanned\": true}")
                        .status())
                .isEqualTo(201);
        http.post(
                facilities + "/" + facility + "/tranches",
                "bank-officer",
                "{\"trancheId\": \"t2\", \"amountRials\": 500000000, \"paidOn\": \"2025-06-10\"}",
                Map.of("X-Reason", "second%20tranche"));
        JsonNode latest = liveWhen(
                facility,
                view -> view.get("paidRials").asLong() == 1_500_000_000L
                        && timelineEvents(view).contains("FieldVisitRecorded"));
        JsonNode latestDashboard =
                dashboardWhen(dashboard -> dashboard.at("/total/paidRials").asLong() == 1_500_000_000L
                        && dashboard.at("/total/plansVisited").asLong() == 1);
        Instant afterVisit = Instant.now();

        String audit = rasad.queryUrl() + "/api/audit/cases/" + facility;
        JsonNode history = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> http.get(audit + "/history", "auditor").json(),
                        page -> page.get("totalItems").asInt() >= 7);
        assertThat(types(history.get("items")))
                .containsSubsequence(
                        "FacilityGranted",
                        "TrancheDisbursed",
                        "JobRegistered",
                        "FieldVisitAssigned",
                        "FieldVisitRecorded",
                        "TrancheDisbursed")
                .as("the draw that picked it for a visit")
                .contains("SampleDrawn");
        JsonNode secondTranche = http.get(audit + "/history?type=TrancheDisbursed", "auditor")
                .json()
                .get("items")
                .get(1);
        assertThat(secondTranche.get("actor").asText()).isEqualTo("bank-officer");
        assertThat(secondTranche.get("onBehalfOf").asText()).isEqualTo("bank-melli");
        assertThat(secondTranche.get("reason").asText()).isEqualTo("second tranche");
        assertThat(secondTranche.get("hash").asText())
                .hasSize(64)
                .isNotEqualTo(secondTranche.get("previousHash").asText());
        assertThat(http.get(audit + "/history?actor=inspector", "auditor")
                        .json()
                        .get("items"))
                .extracting(item -> item.get("type").asText())
                .containsExactly("FieldVisitRecorded");
        JsonNode visit = http.get(audit + "/history?type=FieldVisitRecorded", "auditor")
                .json()
                .at("/items/0");
        assertThat(Instant.parse(visit.get("occurredAt").asText())).isEqualTo(onSite);
        assertThat(Instant.parse(visit.get("recordedAt").asText())).isAfter(afterPayment);

        assertThat(asOf(audit, afterGrant, "recorded")).isEqualTo(withoutAlerts(granted));
        assertThat(asOf(audit, afterPayment, "recorded")).isEqualTo(withoutAlerts(paid));
        assertThat(asOf(audit, afterVisit, "recorded")).isEqualTo(withoutAlerts(latest));

        assertThat(timelineEvents(asOf(audit, afterPayment, "recorded")))
                .as("as of then, Rasad did not know of the visit")
                .doesNotContain("FieldVisitRecorded");
        assertThat(timelineEvents(asOf(audit, afterPayment, "business")))
                .as("but it had happened by then")
                .contains("FieldVisitRecorded");
        assertThat(http.get(audit + "/as-of?at=2025-01-01", "auditor").status()).isEqualTo(404);
        assertThat(http.get(audit + "/as-of?at=yesterday", "auditor")
                        .json()
                        .at("/errors/0/field")
                        .asText())
                .isEqualTo("at");

        assertThat(dashboardAsOf(afterPayment, "recorded")).isEqualTo(paidDashboard);
        assertThat(dashboardAsOf(afterVisit, "recorded")).isEqualTo(latestDashboard);
        assertThat(dashboardAsOf(afterPayment, "business")
                        .at("/total/plansVisited")
                        .asLong())
                .as("the visit was true before it was known")
                .isEqualTo(1);
        assertThat(paidDashboard.at("/total/plansVisited").asLong()).isZero();

        JsonNode verification = http.get(audit + "/verification", "auditor").json();
        assertThat(verification.get("intact").asBoolean()).isTrue();
        assertThat(verification.get("eventsChecked").asInt()).isGreaterThanOrEqualTo(7);

        // the rules may still raise an alert on the case meanwhile: the dossier and the history then agree again
        JsonNode dossier = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> http.get(audit + "/dossier", "auditor").json(),
                        read -> read.get("events").size()
                                == http.get(audit + "/history?size=500", "auditor")
                                        .json()
                                        .get("totalItems")
                                        .asInt());
        assertThat(dossier.get("events").size())
                .isGreaterThanOrEqualTo(history.get("totalItems").asInt());
        assertThat(dossier.at("/verification/intact").asBoolean()).isTrue();
        assertThat(dossier.at("/state/paidRials").asLong()).isEqualTo(1_500_000_000L);
        RasadHttp.Response pdf = http.get(audit + "/dossier.pdf", "auditor");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF-");
    }

    @Test
    void national_ids_are_masked_for_a_bank_officer_and_an_auditors_reading_is_logged() {
        http.post(
                rasad.commandUrl() + "/api/facilities",
                "bank-officer",
                RasadHttp.grant("e2e-private", "0067749828", "ahar", "bank-melli"));
        String view = rasad.queryUrl() + "/api/facilities/e2e-private";
        // waited for as a bank officer, whose readings are masked and so not logged
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http.get(view, "bank-officer").status() == 200);

        assertThat(http.get(view, "bank-officer")
                        .json()
                        .at("/beneficiary/nationalId")
                        .asText())
                .isEqualTo("********28");
        assertThat(http.get(view, "auditor")
                        .json()
                        .at("/beneficiary/nationalId")
                        .asText())
                .isEqualTo("0067749828");

        JsonNode readings = http.get(rasad.queryUrl() + "/api/privacy/access-log?facility=e2e-private", "auditor")
                .json()
                .get("items");
        assertThat(readings).hasSize(1);
        assertThat(readings.get(0).get("user").asText()).isEqualTo("auditor");
        assertThat(readings.get(0).get("request").asText()).isEqualTo("GET /api/facilities/e2e-private");
        assertThat(http.get(rasad.queryUrl() + "/api/privacy/access-log", "manager")
                        .status())
                .isEqualTo(403);
        assertThat(http.get(rasad.queryUrl() + "/api/audit/cases/e2e-private/history", "bank-officer")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void the_alert_list_as_of_an_instant_shows_each_alert_as_it_stood_then() {
        http.post(
                rasad.commandUrl() + "/api/facilities",
                "bank-officer",
                RasadHttp.grant("e2e-overpaid", "0084575948", "marand", "bank-melli"));
        assertThat(http.post(
                                rasad.commandUrl() + "/api/facilities/e2e-overpaid/tranches",
                                "bank-officer",
                                "{\"trancheId\": \"t1\", \"amountRials\": 4000000000, \"paidOn\": \"2025-05-10\"}")
                        .status())
                .isEqualTo(409);
        String list = rasad.queryUrl() + "/api/alerts?facility=e2e-overpaid";
        JsonNode open = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> http.get(list, "manager").json(),
                        page -> page.get("totalItems").asInt() == 1)
                .get("items");
        Instant beforeTriage = Instant.now();
        String alertId = open.get(0).get("alertId").asText();

        assertThat(http.post(
                                rasad.commandUrl() + "/api/alerts/" + alertId + "/acknowledgement",
                                "manager",
                                "{\"note\": \"calling the bank\"}")
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http.get(list, "manager")
                        .json()
                        .at("/items/0/status")
                        .asText()
                        .equals("ACKNOWLEDGED"));

        JsonNode then = http.get(list + "&asOf=" + beforeTriage, "manager").json();
        assertThat(then.get("items")).isEqualTo(open);
        assertThat(then.at("/items/0/status").asText()).isEqualTo("OPEN");
        assertThat(http.get(list + "&asOf=2025-01-01", "manager")
                        .json()
                        .get("totalItems")
                        .asInt())
                .isZero();
        assertThat(http.get(list + "&asOf=" + beforeTriage, "inspector").status())
                .as("a whole-store fold is for those who report")
                .isEqualTo(403);
        assertThat(http.get(rasad.queryUrl() + "/api/dashboard/1404?asOf=" + beforeTriage, "bank-officer")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void a_refused_claim_on_a_counted_person_is_in_the_history_of_both_facilities() {
        String facilities = rasad.commandUrl() + "/api/facilities";
        http.post(facilities, "bank-officer", RasadHttp.grant("e2e-holder", "0013542419", "tabriz", "bank-melli"));
        http.post(facilities, "bank-officer", RasadHttp.grant("e2e-claimant", "0013542419", "tabriz", "bank-melli"));
        String job = "{\"jobId\": \"%s\", \"nationalId\": \"0499370899\", \"occupation\": \"baker\", "
                + "\"startedOn\": \"" + LocalDate.now() + "\"}";
        assertThat(http.post(facilities + "/e2e-holder/jobs", "agency-clerk", job.formatted("h-1"))
                        .status())
                .isEqualTo(201);
        assertThat(http.post(facilities + "/e2e-claimant/jobs", "agency-clerk", job.formatted("c-1"))
                        .status())
                .isEqualTo(409);

        for (String facility : List.of("e2e-holder", "e2e-claimant")) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> http.get(
                                            rasad.queryUrl() + "/api/audit/cases/" + facility
                                                    + "/history?type=JobClaimRefused",
                                            "auditor")
                                    .json()
                                    .path("totalItems")
                                    .asInt()
                            == 1);
        }
    }

    private JsonNode liveWhen(String facility, Predicate<JsonNode> ready) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> http.get(rasad.queryUrl() + "/api/facilities/" + facility, "auditor"),
                        answer -> answer.status() == 200 && ready.test(answer.json()))
                .json();
    }

    /** The live dashboard once ready, without its notes (an as-of one says more of what it could know). */
    private JsonNode dashboardWhen(Predicate<JsonNode> ready) {
        ObjectNode dashboard = (ObjectNode) await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> http.get(rasad.queryUrl() + "/api/dashboard/1404", "manager")
                                .json(),
                        ready);
        dashboard.remove("notes");
        return dashboard;
    }

    /** The dashboard as of an instant, without the fields that say it is one: asOf, axis, and its notes. */
    private JsonNode dashboardAsOf(Instant at, String axis) {
        RasadHttp.Response answer =
                http.get(rasad.queryUrl() + "/api/dashboard/1404?asOf=" + at + "&axis=" + axis, "manager");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        ObjectNode dashboard = (ObjectNode) answer.json();
        assertThat(dashboard.get("asOf").asText()).isEqualTo(at.toString());
        assertThat(dashboard.get("notes"))
                .as("an as-of dashboard says which figures depend on follow-ups not yet due")
                .anySatisfy(note -> assertThat(note.asText()).startsWith("as of " + at));
        dashboard.remove(List.of("asOf", "axis", "notes"));
        return dashboard;
    }

    private JsonNode asOf(String audit, Instant at, String axis) {
        RasadHttp.Response answer = http.get(audit + "/as-of?at=" + at + "&axis=" + axis, "auditor");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("state");
    }

    private static JsonNode withoutAlerts(JsonNode live) {
        ObjectNode copy = live.deepCopy();
        copy.remove("openAlerts");
        return copy;
    }

    private static List<String> timelineEvents(JsonNode view) {
        List<String> events = new ArrayList<>();
        view.get("timeline").forEach(step -> events.add(step.get("event").asText()));
        return events;
    }

    private static List<String> types(JsonNode items) {
        List<String> types = new ArrayList<>();
        items.forEach(item -> types.add(item.get("type").asText()));
        return types;
    }
}
