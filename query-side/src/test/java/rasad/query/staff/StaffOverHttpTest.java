package rasad.query.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import rasad.edge.access.RasadUser;
import rasad.edge.access.Standing;
import rasad.kernel.audit.Role;
import rasad.kernel.people.PersonName;
import rasad.kernel.referencedata.BankCode;
import rasad.kernel.referencedata.CountyCode;
import rasad.kernel.staff.StaffId;
import rasad.kernel.staff.StaffMemberChanged;
import rasad.kernel.staff.StaffMemberRegistered;
import rasad.kernel.staff.StaffMemberRetired;
import rasad.kernel.staff.StaffScope;
import rasad.query.alerts.AlertsApiTest;

/** The staff register a manager chooses an inspector from, kept from the register's events. */
class StaffOverHttpTest extends AlertsApiTest {

    @Autowired
    Standing standing;

    @Test
    void a_manager_lists_the_inspectors_who_cover_a_county_and_retired_ones_drop_out() {
        // given
        Instant at = Instant.parse("2026-11-01T08:00:00Z");
        register("st-province", "بازرس استان", Role.INSPECTOR, StaffScope.PROVINCE, at);
        register("st-sarab", "بازرس سراب", Role.INSPECTOR, new StaffScope(CountyCode.of("sarab"), null, null), at);
        register("st-mianeh", "بازرس میانه", Role.INSPECTOR, new StaffScope(CountyCode.of("mianeh"), null, null), at);
        register(
                "st-officer",
                "کارمند بانک",
                Role.BANK_OFFICER,
                new StaffScope(null, BankCode.of("bank-sepah"), null),
                at);
        publish(
                "StaffMember",
                "staff/st-mianeh",
                new StaffMemberChanged(
                        StaffId.of("st-mianeh"),
                        PersonName.of("بازرس میانه"),
                        Role.INSPECTOR,
                        new StaffScope(CountyCode.of("sarab"), null, null)),
                at.plusSeconds(60),
                "admin",
                "admin",
                "rasad-operations");
        publish(
                "StaffMember",
                "staff/st-province",
                new StaffMemberRetired(StaffId.of("st-province"), "retired"),
                at.plusSeconds(120),
                "admin",
                "admin",
                "rasad-operations");
        awaitProjected();

        // when
        Response sarab = get("manager", "/api/staff?role=inspector&county=sarab");

        // then
        assertThat(sarab.status()).as(sarab.body()).isEqualTo(200);
        assertThat(names(sarab.json())).contains("st-sarab", "st-mianeh").doesNotContain("st-province", "st-officer");
        assertThat(names(get("manager", "/api/staff?role=inspector&county=sarab&includeRetired=true")
                        .json()))
                .contains("st-province");
        JsonNode officer = find(get("admin", "/api/staff?role=bank-officer").json(), "st-officer");
        assertThat(officer.path("bank").asText()).isEqualTo("bank-sepah");
        assertThat(officer.path("role").asText()).isEqualTo("bank-officer");
        assertThat(officer.at("/names/role").asText()).isEqualTo("bank officer");
        assertThat(find(get("admin", "/api/staff?role=bank-officer&lang=fa").json(), "st-officer")
                        .at("/names/role")
                        .asText())
                .isEqualTo("کارشناس بانک");
        String csv = get("manager", "/api/staff?format=csv&lang=fa").body();
        assertThat(csv).startsWith("\uFEFFنام کاربری,نام,نقش,نقش (نام),شهرستان,شهرستان (نام),بانک,بانک (نام),");
        assertThat(csv).contains("st-sarab,بازرس سراب,inspector,بازرس,sarab,");
    }

    @Test
    void only_managers_auditors_and_admins_read_the_register_and_bad_filters_are_named() {
        for (String user : List.of("inspector", "bank-officer", "agency-clerk")) {
            assertThat(get(user, "/api/staff").status()).as(user).isEqualTo(403);
        }
        assertThat(get("auditor", "/api/staff").status()).isEqualTo(200);
        Response badRole = get("manager", "/api/staff?role=boss");
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.body()).contains("\"field\":\"role\"", "ROLE_UNKNOWN");
        Response badCounty = get("manager", "/api/staff?county=%24ne");
        assertThat(badCounty.status()).isEqualTo(400);
        assertThat(badCounty.body()).contains("\"field\":\"county\"");
        assertThat(get("manager", "/api/staff?rolle=inspector").body()).contains("UNKNOWN_PARAMETER");
    }

    @Test
    void a_member_retired_from_the_register_no_longer_stands_and_one_still_on_it_does() {
        // given
        Instant at = Instant.parse("2026-11-02T08:00:00Z");
        StaffScope tabriz = new StaffScope(CountyCode.of("tabriz"), null, null);
        register("st-leaving", "بازرس رفتنی", Role.INSPECTOR, tabriz, at);
        register("st-staying", "بازرس ماندنی", Role.INSPECTOR, tabriz, at);
        publish(
                "StaffMember",
                "staff/st-leaving",
                new StaffMemberRetired(StaffId.of("st-leaving"), "moved to another province"),
                at.plusSeconds(60),
                "admin",
                "admin",
                "rasad-operations");
        awaitProjected();

        // when
        var leaving = standing.refusal(new RasadUser("st-leaving", "", Role.INSPECTOR, null));
        var staying = standing.refusal(new RasadUser("st-staying", "", Role.INSPECTOR, null));
        var unregistered = standing.refusal(new RasadUser("st-machine", "", Role.ADMIN, null));

        // then
        assertThat(leaving).hasValue("st-leaving was retired from the staff register");
        assertThat(staying).isEmpty();
        assertThat(unregistered).isEmpty();
    }

    private void register(String name, String displayName, Role role, StaffScope scope, Instant at) {
        publish(
                "StaffMember",
                "staff/" + name,
                new StaffMemberRegistered(StaffId.of(name), PersonName.of(displayName), role, scope),
                at,
                "admin",
                "admin",
                "rasad-operations");
    }

    private static List<String> names(JsonNode staff) {
        List<String> names = new ArrayList<>();
        staff.forEach(member -> names.add(member.path("staffId").asText()));
        return names;
    }

    private static JsonNode find(JsonNode staff, String name) {
        for (JsonNode member : staff) {
            if (member.path("staffId").asText().equals(name)) {
                return member;
            }
        }
        throw new AssertionError(name + " is not in " + staff);
    }
}
