package rasad.command.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rasad.command.CommandApiTest;
import rasad.kernel.people.NationalId;
import rasad.kernel.staff.StaffMemberChanged;
import rasad.kernel.staff.StaffMemberRegistered;
import rasad.kernel.staff.StaffMemberReinstated;
import rasad.kernel.staff.StaffMemberRetired;

/**
 * The staff register over HTTP: the people configured to sign in are on it, an admin keeps it, and every
 * sample, assignment and visit is checked against it, county by county.
 */
class StaffRegisterOverHttpTest extends CommandApiTest {

    /** One device time for every visit, so that a re-sent visit is the same visit. */
    private static final Instant DEVICE_TIME = Instant.now().minusSeconds(3_600);

    private static int granted;

    @Test
    void the_people_configured_to_sign_in_are_on_the_register_with_their_scope() {
        var events = eventsOf("staff/inspector-marand");
        assertThat(events).hasSize(1);
        StaffMemberRegistered registered = (StaffMemberRegistered) events.get(0).getPayload();
        assertThat(registered.role().code()).isEqualTo("inspector");
        assertThat(registered.scope().county()).hasToString("marand");
        assertThat(events.get(0).getMetaData())
                .containsEntry("actor", ConfiguredStaff.ACTOR)
                .containsKey("reason");
        StaffMemberRegistered officer =
                (StaffMemberRegistered) eventsOf("staff/bank-officer").get(0).getPayload();
        assertThat(officer.scope().bank()).hasToString("bank-melli");
        StaffMemberRegistered provinceWide =
                (StaffMemberRegistered) eventsOf("staff/inspector").get(0).getPayload();
        assertThat(provinceWide.scope().county()).isNull();
    }

    @Test
    void an_admin_registers_changes_retires_and_reinstates_a_member_and_a_retry_records_nothing() throws Exception {
        String jolfa = "{\"displayName\": \"رضا جلفایی\", \"role\": \"inspector\", \"county\": \"jolfa\"}";
        HttpResponse<String> first = put("admin", "/api/staff/inspector-jolfa", jolfa);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(JSON.readTree(first.body()).path("county").asText()).isEqualTo("jolfa");
        assertThat(put("admin", "/api/staff/inspector-jolfa", jolfa).statusCode())
                .isEqualTo(200);
        assertThat(eventsOf("staff/inspector-jolfa")).hasSize(1);

        assertThat(put(
                                "admin",
                                "/api/staff/inspector-jolfa",
                                "{\"displayName\": \"رضا جلفایی\", \"role\": \"inspector\", \"county\": \"marand\"}")
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> retired =
                post("admin", "/api/staff/inspector-jolfa/retirement", "{\"reason\": \"moved to Tehran\"}");
        assertThat(retired.statusCode()).as(retired.body()).isEqualTo(204);
        assertThat(post("admin", "/api/staff/inspector-jolfa/retirement", "{\"reason\": \"again\"}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(put("admin", "/api/staff/inspector-jolfa", jolfa).statusCode())
                .isEqualTo(200);

        var events = eventsOf("staff/inspector-jolfa");
        assertThat(events)
                .extracting(event -> (Object) event.getPayload().getClass())
                .containsExactly(
                        StaffMemberRegistered.class,
                        StaffMemberChanged.class,
                        StaffMemberRetired.class,
                        StaffMemberReinstated.class,
                        StaffMemberChanged.class);
        assertThat(events.get(2).getMetaData())
                .containsEntry("actor", "admin")
                .containsEntry("reason", "moved to Tehran");
    }

    @Test
    void only_an_admin_keeps_the_register_and_a_bad_record_names_the_field_and_rule() throws Exception {
        String body = "{\"displayName\": \"x\", \"role\": \"inspector\"}";
        assertThat(put("manager", "/api/staff/someone", body).statusCode()).isEqualTo(403);
        assertRefused(
                put("admin", "/api/staff/someone", "{\"displayName\": \"x\", \"role\": \"boss\"}"),
                "role",
                "ROLE_UNKNOWN");
        assertRefused(
                put("admin", "/api/staff/someone", "{\"displayName\": \"x\", \"role\": \"bank-officer\"}"),
                "scope",
                "SCOPE_REQUIRED");
        assertRefused(
                put(
                        "admin",
                        "/api/staff/someone",
                        "{\"displayName\": \"x\", \"role\": \"manager\", \"county\": \"ahar\"}"),
                "scope",
                "SCOPE_NOT_ALLOWED");
        assertRefused(put("admin", "/api/staff/some%20one", body), "staffId", "CODE_FORMAT");
        assertRefused(put("admin", "/api/staff/someone", "{\"role\": \"inspector\"}"), "displayName", "REQUIRED");
        HttpResponse<String> nullBody = put("admin", "/api/staff/someone", "null");
        assertThat(nullBody.statusCode()).as(nullBody.body()).isEqualTo(400);
        assertThat(nullBody.body()).contains("malformed-body");
        assertThat(eventsOf("staff/someone")).isEmpty();
        HttpResponse<String> unknown = post("admin", "/api/staff/nobody-at-all/retirement", "{\"reason\": \"r\"}");
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
    }

    @Test
    void a_sample_gives_each_plan_to_an_inspector_of_its_county() throws Exception {
        String marand = grant("marand");
        String ahar = grant("ahar");
        HttpResponse<String> drawn = post(
                "manager",
                "/api/samples",
                sample("s-counties", marand, "marand", ahar, "ahar", "\"inspector-marand\", \"inspector-ahar\""));
        assertThat(drawn.statusCode()).as(drawn.body()).isEqualTo(201);
        Map<String, String> inspectorOf = new HashMap<>();
        for (JsonNode assignment : JSON.readTree(drawn.body())) {
            inspectorOf.put(
                    assignment.path("facilityId").asText(),
                    assignment.path("inspector").asText());
        }
        assertThat(inspectorOf).containsEntry(marand, "inspector-marand").containsEntry(ahar, "inspector-ahar");

        assertRefused(
                post(
                        "manager",
                        "/api/samples",
                        sample("s-no-one", marand, "marand", ahar, "ahar", "\"inspector-marand\"")),
                "inspectors",
                "INSPECTOR_OUT_OF_SCOPE");
        assertRefused(
                post("manager", "/api/samples", sample("s-wrong", marand, "ahar", ahar, "ahar", "\"inspector\"")),
                "frame[0].county",
                "FRAME_COUNTY_MISMATCH");
        assertRefused(
                post("manager", "/api/samples", sample("s-nobody", marand, "marand", ahar, "ahar", "\"inspectr\"")),
                "inspectors[0]",
                "UNKNOWN_INSPECTOR");
        assertRefused(
                post("manager", "/api/samples", sample("s-manager", marand, "marand", ahar, "ahar", "\"manager\"")),
                "inspectors[0]",
                "UNKNOWN_INSPECTOR");
        assertThat(eventsOf("s-no-one")).isEmpty();
    }

    @Test
    void a_visit_is_recorded_by_the_inspector_it_is_assigned_to_now_and_a_retry_keeps_its_first_answer()
            throws Exception {
        String facility = grant("ahar");
        assertThat(post(
                                "manager",
                                "/api/samples",
                                sample("s-visit-" + facility, facility, "ahar", null, null, "\"inspector-ahar\""))
                        .statusCode())
                .isEqualTo(201);
        HttpResponse<String> visited = visit("inspector-ahar", facility, facility + "-v1");
        assertThat(visited.statusCode()).as(visited.body()).isEqualTo(201);

        // reassigned to the province's inspector: the first inspector's new visit is refused, their retry is not
        assertThat(post(
                                "manager",
                                "/api/samples",
                                sample("s-again-" + facility, facility, "ahar", null, null, "\"inspector\""))
                        .statusCode())
                .isEqualTo(201);
        HttpResponse<String> notTheirs = visit("inspector-ahar", facility, facility + "-v2");
        assertThat(notTheirs.statusCode()).as(notTheirs.body()).isEqualTo(403);
        assertThat(notTheirs.body()).contains("VISIT_NOT_ASSIGNED");
        assertThat(visit("inspector-ahar", facility, facility + "-v1").statusCode())
                .isEqualTo(201);
        assertThat(eventsOf(facility + "-v1")).hasSize(1);
        assertThat(eventsOf(facility + "-v2")).isEmpty();
    }

    @Test
    void a_retired_inspector_is_sent_nowhere_and_records_no_visit() throws Exception {
        String facility = grant("ahar");
        assertThat(post(
                                "manager",
                                "/api/samples",
                                sample("s-retired-" + facility, facility, "ahar", null, null, "\"inspector-ahar\""))
                        .statusCode())
                .isEqualTo(201);
        assertThat(post("admin", "/api/staff/inspector-ahar/retirement", "{\"reason\": \"on leave\"}")
                        .statusCode())
                .isEqualTo(204);
        try {
            HttpResponse<String> refused = visit("inspector-ahar", facility, facility + "-v1");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
            assertThat(refused.body()).contains("inspector-ahar was retired from the staff register");
            assertRefused(
                    post(
                            "manager",
                            "/api/samples",
                            sample("s-after-" + facility, facility, "ahar", null, null, "\"inspector-ahar\"")),
                    "inspectors[0]",
                    "UNKNOWN_INSPECTOR");
            assertThat(eventsOf(facility + "-v1")).isEmpty();
        } finally {
            assertThat(put(
                                    "admin",
                                    "/api/staff/inspector-ahar",
                                    "{\"displayName\": \"inspector-ahar\", \"role\": \"inspector\", \"county\": \"ahar\"}")
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    private String grant(String county) throws Exception {
        String facility = "staff-" + county + "-" + (++granted);
        HttpResponse<String> response = post("admin", "/api/facilities", """
                {"facilityId": "%s", "beneficiary": {"nationalId": "%s", "name": "Sara Ahari"},
                 "programme": "HOME_BUSINESS", "bank": "bank-melli", "agency": "relief-committee", "county": "%s",
                 "amountRials": 3000000000, "committedJobs": 1, "grantedOn": "2025-03-25"}""".formatted(
                        facility,
                        NationalId.completing(String.format("%09d", 610_000_000 + granted))
                                .value(),
                        county));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return facility;
    }

    private static String sample(
            String sampleId, String first, String firstCounty, String second, String secondCounty, String inspectors) {
        String frame = "{\"facilityId\": \"%s\", \"county\": \"%s\", \"programme\": \"HOME_BUSINESS\"}"
                .formatted(first, firstCounty);
        if (second != null) {
            frame += ", {\"facilityId\": \"%s\", \"county\": \"%s\", \"programme\": \"HOME_BUSINESS\"}"
                    .formatted(second, secondCounty);
        }
        return """
                {"sampleId": "%s", "seed": 7, "frame": [%s], "defaultSize": 1, "inspectors": [%s],
                 "dueOn": "1405/10/01"}""".formatted(sampleId, frame, inspectors);
    }

    private HttpResponse<String> visit(String inspector, String facility, String visitId) throws Exception {
        return post(inspector, "/api/facilities/" + facility + "/field-visits", """
                {"visitId": "%s", "deviceTime": "%s", "latitude": 38.47, "longitude": 47.07, "businessOperating": true,
                 "jobsSeen": {}, "moneyUsedAsPlanned": true, "photos": []}""".formatted(visitId, DEVICE_TIME));
    }

    private static void assertRefused(HttpResponse<String> response, String field, String rule) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode errors = JSON.readTree(response.body()).path("errors");
        assertThat(errors.findValuesAsText("field")).as(response.body()).contains(field);
        assertThat(errors.findValuesAsText("rule")).as(response.body()).contains(rule);
    }
}
