package rasad.query.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import rasad.kernel.alerts.AlertAssigned;
import rasad.kernel.alerts.AlertCleared;
import rasad.kernel.alerts.AlertNoted;
import rasad.kernel.alerts.AlertRule;
import rasad.kernel.alerts.Severity;
import rasad.kernel.facility.Beneficiary;
import rasad.kernel.facility.CommittedJobs;
import rasad.kernel.facility.FacilityGranted;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.facility.GrantFacility;
import rasad.kernel.money.Rials;
import rasad.kernel.people.NationalId;
import rasad.kernel.people.PersonName;
import rasad.kernel.referencedata.AgencyCode;
import rasad.kernel.referencedata.BankCode;
import rasad.kernel.referencedata.CountyCode;
import rasad.kernel.referencedata.ProgrammeCode;

/**
 * Given alerts of one facility, one assigned to the demo inspector and one to another inspector, then who
 * sees what: managers, auditors and admins everything; the inspector their own; bank officers and agency
 * clerks nothing, not even on the facility's case.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertAccessOverHttpTest extends AlertsApiTest {

    private static final String AGENCY = "agency-access";
    private static final String FACILITY = "fa-1";
    private static final String MINE = "r5.fa-1";
    private static final String SOMEONE_ELSES = "r4.fa-1.j-1";
    private static final String UNASSIGNED = "r1.fa-1";
    private static final String CLEARED = "r3.fa-1.j-2";

    @BeforeAll
    void alertsOfOneFacility() {
        publish(
                "Facility",
                FACILITY,
                FacilityGranted.from(new GrantFacility(
                        FacilityId.of(FACILITY),
                        new Beneficiary(NationalId.of("0499370899"), PersonName.of("مریم احمدی")),
                        ProgrammeCode.of("HOME_BUSINESS"),
                        BankCode.of("bank-melli"),
                        AgencyCode.of("relief-committee"),
                        CountyCode.of("tabriz"),
                        Rials.of(3_000_000_000L),
                        CommittedJobs.of(2),
                        LocalDate.of(2025, 5, 1))),
                daysAgo(200, 0),
                "bank-officer",
                "bank-officer",
                "bank-melli");
        raise(
                MINE,
                1,
                AlertRule.R5,
                Severity.HIGH,
                subject(FACILITY, "bank-melli", "tabriz", AGENCY, "HOME_BUSINESS"),
                daysAgo(6, 0));
        byManager(
                MINE,
                new AlertAssigned(
                        MINE,
                        1,
                        FACILITY,
                        "inspector",
                        LocalDate.now(TEHRAN).plusDays(7),
                        "see whether the workshop runs"),
                daysAgo(5, 0));
        publish(
                "Alert",
                MINE,
                new AlertNoted(MINE, 1, "n-1", "the door was locked at 10:00"),
                daysAgo(4, 0),
                "inspector",
                "inspector",
                "east-azerbaijan-field-inspection");
        raise(
                SOMEONE_ELSES,
                1,
                AlertRule.R4,
                Severity.MEDIUM,
                subject(FACILITY, "bank-melli", "tabriz", AGENCY, "HOME_BUSINESS"),
                daysAgo(6, 0));
        byManager(
                SOMEONE_ELSES,
                new AlertAssigned(
                        SOMEONE_ELSES,
                        1,
                        FACILITY,
                        "inspector-b",
                        LocalDate.now(TEHRAN).plusDays(7),
                        null),
                daysAgo(5, 0));
        raise(
                UNASSIGNED,
                1,
                AlertRule.R1,
                Severity.CRITICAL,
                subject(FACILITY, "bank-melli", "tabriz", AGENCY, "HOME_BUSINESS"),
                daysAgo(8, 0));
        raise(
                CLEARED,
                1,
                AlertRule.R3,
                Severity.CRITICAL,
                subject(FACILITY, "bank-melli", "tabriz", AGENCY, "HOME_BUSINESS"),
                daysAgo(9, 0));
        publish(
                "Alert",
                CLEARED,
                new AlertCleared(CLEARED, 1, "the SMS check passed", List.of()),
                daysAgo(7, 0),
                "rasad-monitoring",
                "system",
                "rule R3");
        awaitProjected();
    }

    @Test
    void managers_auditors_and_admins_see_every_alert() {
        for (String reader : new String[] {"manager", "auditor", "admin"}) {
            Response list = get(reader, "/api/alerts?agency=" + AGENCY);
            assertThat(list.status()).as(reader).isEqualTo(200);
            assertThat(ids(list)).as(reader).containsExactly(CLEARED, UNASSIGNED, MINE, SOMEONE_ELSES);
        }
    }

    @Test
    void an_inspector_sees_only_the_alerts_assigned_to_them_and_other_filters_still_apply() {
        assertThat(ids(get("inspector", "/api/alerts?agency=" + AGENCY))).containsExactly(MINE);
        assertThat(ids(get("inspector", "/api/alerts?agency=" + AGENCY + "&inspector=inspector")))
                .containsExactly(MINE);
        assertThat(ids(get("inspector", "/api/alerts?agency=" + AGENCY + "&severity=CRITICAL")))
                .isEmpty();
        assertThat(get("inspector", "/api/alerts/heat?agency=" + AGENCY)
                        .json()
                        .get("total")
                        .asLong())
                .isOne();

        Response mine = get("inspector", "/api/alerts/" + MINE);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().at("/episodes/0/history/2/note").asText()).isEqualTo("the door was locked at 10:00");
    }

    @Test
    void an_inspector_asking_for_another_inspectors_alerts_is_refused() {
        for (String path : new String[] {
            "/api/alerts?inspector=inspector-b",
            "/api/alerts/heat?inspector=inspector-b",
            "/api/alerts/" + SOMEONE_ELSES,
            "/api/alerts/" + UNASSIGNED
        }) {
            Response refused = get("inspector", path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.json().get("type").asText()).isEqualTo("urn:rasad:problem:forbidden");
        }
    }

    @Test
    void bank_officers_and_agency_clerks_may_not_read_alerts() {
        for (String reader : new String[] {"bank-officer", "agency-clerk"}) {
            for (String path :
                    new String[] {"/api/alerts", "/api/alerts/heat", "/api/alerts/" + MINE, "/api/alerts?format=csv"}) {
                Response refused = get(reader, path);
                assertThat(refused.status()).as(reader + " " + path).isEqualTo(403);
                assertThat(refused.json().get("type").asText()).isEqualTo("urn:rasad:problem:forbidden");
            }
        }
    }

    @Test
    void an_unknown_alert_is_a_404_problem() {
        Response missing = get("manager", "/api/alerts/r9.no-such-facility");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(missing.json().get("type").asText()).isEqualTo("urn:rasad:problem:not-found");
        assertThat(get("inspector", "/api/alerts/r9.no-such-facility").status()).isEqualTo(404);
    }

    @Test
    void one_alert_shows_its_evidence_and_the_full_history_of_who_did_what() {
        JsonNode alert = get("manager", "/api/alerts/" + MINE).json();

        assertThat(alert.get("alertId").asText()).isEqualTo(MINE);
        assertThat(alert.get("rule").asText()).isEqualTo("R5");
        JsonNode episode = alert.at("/episodes/0");
        assertThat(episode.get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(episode.at("/evidence/0/eventType").asText()).isEqualTo("SmsCheckRecorded");
        List<String> steps = new ArrayList<>();
        episode.get("history")
                .forEach(step -> steps.add(step.get("step").asText() + " by "
                        + step.get("actor").asText() + " ("
                        + step.get("actorRole").asText() + ", "
                        + step.get("onBehalfOf").asText() + ")"));
        assertThat(steps)
                .containsExactly(
                        "RAISED by rasad-monitoring (system, rule R5)",
                        "ASSIGNED by manager (manager, employment-committee)",
                        "NOTED by inspector (inspector, east-azerbaijan-field-inspection)");
        assertThat(episode.at("/history/1/note").asText()).isEqualTo("see whether the workshop runs");
        assertThat(episode.at("/history/1/inspector").asText()).isEqualTo("inspector");
        assertThat(episode.at("/history/1/at").asText()).isEqualTo(daysAgo(5, 0).toString());
        assertThat(episode.at("/history/1/eventId").asText()).isNotBlank();
    }

    @Test
    void the_facility_case_shows_its_open_alerts_to_those_who_may_read_them() {
        JsonNode managers = get("manager", "/api/facilities/" + FACILITY).json();
        List<String> open = new ArrayList<>();
        managers.get("openAlerts")
                .forEach(alert -> open.add(alert.get("alertId").asText()));
        assertThat(open)
                .as("most severe first, the cleared one left out")
                .containsExactly(UNASSIGNED, MINE, SOMEONE_ELSES);
        JsonNode first = managers.at("/openAlerts/0");
        assertThat(first.get("rule").asText()).isEqualTo("R1");
        assertThat(first.get("severity").asText()).isEqualTo("CRITICAL");
        assertThat(first.get("status").asText()).isEqualTo("OPEN");
        assertThat(first.get("episode").asInt()).isOne();
        assertThat(first.get("raisedAt").asText()).isEqualTo(daysAgo(8, 0).toString());
        assertThat(first.get("explanation").asText()).isEqualTo(AlertRule.R1.detects());

        JsonNode inspectors = get("inspector", "/api/facilities/" + FACILITY).json();
        assertThat(inspectors.get("openAlerts")).hasSize(1);
        assertThat(inspectors.at("/openAlerts/0/alertId").asText()).isEqualTo(MINE);

        Response banks = get("bank-officer", "/api/facilities/" + FACILITY);
        assertThat(banks.status()).isEqualTo(200);
        assertThat(banks.json().has("openAlerts"))
                .as("a bank officer is not told of suspicions")
                .isFalse();
        assertThat(get("manager", "/api/facilities?bank=bank-melli")
                        .json()
                        .at("/items/0")
                        .has("openAlerts"))
                .as("lists leave them out")
                .isFalse();
    }
}
