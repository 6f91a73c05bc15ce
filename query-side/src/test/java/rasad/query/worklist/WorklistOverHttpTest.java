package rasad.query.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.place.GeoPoint;
import rasad.kernel.sampling.AssignFieldVisit;
import rasad.kernel.sampling.FieldVisitAssigned;
import rasad.kernel.verification.FieldVisitRecorded;
import rasad.query.GrantedFacilities;
import rasad.query.alerts.AlertsApiTest;

/**
 * Given facilities with workplaces and mobiles, assigned to inspectors, when an inspector plans a day from the
 * worklist, then it shows where to go and whom to call, groups visits by when they are due, and counts only a
 * visit recorded after the assignment.
 */
class WorklistOverHttpTest extends AlertsApiTest {

    private static final String MARAND_CENTRE = "38.4329,45.7749";

    @Test
    void a_visit_recorded_before_the_assignment_leaves_it_open_and_one_recorded_after_closes_it() {
        grant("wl-revisit", 38.4329, 45.7749, "09141234567");
        visit("wl-revisit", "wl-old-visit", Instant.parse("2025-06-01T08:00:00Z"));
        assign("wl-revisit", "inspector-marand", LocalDate.now(TEHRAN).plusDays(3));
        awaitProjected();

        assertThat(entry("inspector-marand", "wl-revisit").get("open").asBoolean())
                .as("the visit that raised the alert does not satisfy the new assignment")
                .isTrue();

        visit("wl-revisit", "wl-new-visit", Instant.now());
        awaitProjected();
        JsonNode after = entry("inspector-marand", "wl-revisit", "ALL");
        assertThat(after.get("open").asBoolean()).isFalse();
        assertThat(after.get("visitId").asText()).isEqualTo("wl-new-visit");
        assertThat(after.get("due").asText()).isEqualTo("VISITED");
    }

    @Test
    void a_reassigned_visit_leaves_the_first_inspectors_list() {
        grant("wl-reassigned", 38.08, 46.29, null);
        assign("wl-reassigned", "inspector-ahar", LocalDate.now(TEHRAN).plusDays(10));
        assign("wl-reassigned", "inspector-marand", LocalDate.now(TEHRAN).plusDays(10));
        awaitProjected();

        assertThat(facilities(get("inspector-ahar", "/api/worklist?status=ALL")))
                .doesNotContain("wl-reassigned");
        assertThat(facilities(get("inspector-marand", "/api/worklist"))).contains("wl-reassigned");
    }

    @Test
    void the_inspector_sees_where_to_go_whom_to_call_and_when_it_is_due_nearest_first() {
        LocalDate today = LocalDate.now(TEHRAN);
        grant("wl.near", 38.4330, 45.7750, "09141110000"); // a facility id with a dot
        grant("wl-far", 38.0800, 46.2919, "09142220000");
        grant("wl-overdue", 38.4400, 45.7800, "09143330000");
        assign("wl.near", "inspector", today.plusDays(40));
        assign("wl-far", "inspector", today);
        assign("wl-overdue", "inspector", today.minusDays(2));
        awaitProjected();

        Response list = get("inspector", "/api/worklist?near=" + MARAND_CENTRE);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<String> order =
                facilities(list).stream().filter(id -> id.startsWith("wl")).toList();
        assertThat(order).containsSubsequence("wl.near", "wl-overdue", "wl-far");
        JsonNode near = entry(list, "wl.near");
        assertThat(near.get("distanceMetres").asLong()).isLessThan(50);
        assertThat(near.get("due").asText()).isEqualTo("LATER");
        assertThat(near.get("mobile").asText()).isEqualTo("09141110000");
        assertThat(near.get("latitude").asDouble()).isEqualTo(38.4330);
        assertThat(near.get("dueOnSolarHijri").asText()).matches("14\\d\\d/\\d\\d/\\d\\d");
        assertThat(entry(list, "wl-overdue").get("due").asText()).isEqualTo("OVERDUE");
        assertThat(entry(list, "wl-far").get("due").asText()).isEqualTo("TODAY");

        Response byDue = get("inspector", "/api/worklist");
        List<String> dueOrder =
                facilities(byDue).stream().filter(id -> id.startsWith("wl")).toList();
        assertThat(dueOrder).containsSubsequence("wl-overdue", "wl-far", "wl.near");
    }

    @Test
    void others_see_the_mobile_masked_and_a_bad_point_is_refused_naming_it() {
        grant("wl-masked", 38.2, 46.1, "09145556666");
        assign("wl-masked", "inspector-ahar", LocalDate.now(TEHRAN).plusDays(5));
        awaitProjected();

        // an admin runs the system, and reads the list without the beneficiaries' numbers
        JsonNode adminView = entry(get("admin", "/api/worklist?inspector=inspector-ahar"), "wl-masked");
        assertThat(adminView.get("mobile").asText()).isEqualTo("*********66");
        assertThat(get("agency-clerk", "/api/worklist?inspector=inspector-ahar").status())
                .isEqualTo(403);

        Response bad = get("inspector", "/api/worklist?near=north");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/errors/0/field").asText()).isEqualTo("near");
        assertThat(bad.json().at("/errors/0/rule").asText()).isEqualTo("NEAR_FORMAT");
        assertThat(get("inspector", "/api/worklist?near=91,46")
                        .json()
                        .at("/errors/0/rule")
                        .asText())
                .isEqualTo("LATITUDE_OUT_OF_RANGE");
    }

    private void grant(String facilityId, double latitude, double longitude, String mobile) {
        publish(
                "Facility",
                facilityId,
                GrantedFacilities.granted(
                        facilityId, "0499370899", "مریم احمدی", "marand", mobile, new GeoPoint(latitude, longitude)),
                Instant.now(),
                "bank-officer",
                "bank-officer",
                "bank-melli");
    }

    private void assign(String facilityId, String inspector, LocalDate dueOn) {
        publish(
                "Inspection",
                AssignFieldVisit.inspectionOf(FacilityId.of(facilityId)),
                new FieldVisitAssigned(FacilityId.of(facilityId), null, inspector, dueOn),
                Instant.now(),
                "manager",
                "manager",
                "employment-committee");
    }

    private void visit(String facilityId, String visitId, Instant at) {
        publish(
                "FieldVisit",
                visitId,
                new FieldVisitRecorded(
                        visitId,
                        FacilityId.of(facilityId),
                        at,
                        new GeoPoint(38.43, 45.77),
                        10,
                        true,
                        Map.of(),
                        true,
                        List.of(),
                        null),
                Instant.now(),
                "inspector",
                "inspector",
                "east-azerbaijan-field-inspection");
    }

    private JsonNode entry(String inspector, String facilityId) {
        return entry(inspector, facilityId, "OPEN");
    }

    private JsonNode entry(String inspector, String facilityId, String status) {
        return entry(get("manager", "/api/worklist?inspector=" + inspector + "&status=" + status), facilityId);
    }

    private static JsonNode entry(Response list, String facilityId) {
        for (JsonNode visit : list.json()) {
            if (visit.get("facilityId").asText().equals(facilityId)) {
                return visit;
            }
        }
        throw new AssertionError(facilityId + " is not on the list: " + list.body());
    }

    private static List<String> facilities(Response list) {
        List<String> ids = new ArrayList<>();
        list.json().forEach(visit -> ids.add(visit.get("facilityId").asText()));
        return ids;
    }
}
