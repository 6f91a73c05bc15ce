package rasad.query.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import rasad.kernel.audit.Role;
import rasad.kernel.calendar.FiscalYear;
import rasad.kernel.money.Rials;
import rasad.kernel.people.PersonName;
import rasad.kernel.planning.QuotaId;
import rasad.kernel.planning.QuotaSet;
import rasad.kernel.referencedata.CountyCode;
import rasad.kernel.referencedata.ProgrammeCode;
import rasad.kernel.staff.StaffId;
import rasad.kernel.staff.StaffMemberRegistered;
import rasad.kernel.staff.StaffScope;
import rasad.query.GrantedFacilities;
import rasad.query.alerts.AlertsApiTest;

/**
 * Given cases of two banks, two agencies and two counties, and quotas of both banks and an institution, when
 * each role reads the lists, then a bank officer sees their bank's cases, quota and league row; an agency clerk
 * their agency's; an inspector of Marand the cases of Marand; a manager all of them — and asking for another
 * bank, agency or county is refused, while another bank's case reads as no case at all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReaderScopeOverHttpTest extends AlertsApiTest {

    private static final String PROGRAMME = "SCOPE_PROGRAMME";
    private static final String LIST = "/api/facilities?programme=" + PROGRAMME;

    @BeforeAll
    void casesOfTwoBanksAgenciesAndCounties() {
        Instant at = Instant.now();
        grant("scope-melli-marand", "0499370899", "bank-melli", "relief-committee", "marand");
        grant("scope-melli-tabriz", "0013542419", "bank-melli", "welfare-organisation", "tabriz");
        grant("scope-sepah-marand", "1234567891", "bank-sepah", "welfare-organisation", "marand");
        publish(
                "StaffMember",
                "staff/inspector-marand",
                new StaffMemberRegistered(
                        StaffId.of("inspector-marand"),
                        PersonName.of("بازرس مرند"),
                        Role.INSPECTOR,
                        new StaffScope(CountyCode.of("marand"), null, null)),
                at,
                "admin",
                "admin",
                "rasad-operations");
        quota(QuotaId.HolderKind.BANK, "bank-melli");
        quota(QuotaId.HolderKind.BANK, "bank-sepah");
        quota(QuotaId.HolderKind.AGENCY, "relief-committee");
        awaitProjected();
    }

    @Test
    void each_role_lists_the_cases_of_its_bank_agency_or_county() {
        assertThat(ids("bank-officer", LIST)).containsExactly("scope-melli-marand", "scope-melli-tabriz");
        assertThat(ids("agency-clerk", LIST)).containsExactly("scope-melli-marand");
        assertThat(ids("inspector-marand", LIST)).containsExactly("scope-melli-marand", "scope-sepah-marand");
        assertThat(ids("manager", LIST))
                .containsExactly("scope-melli-marand", "scope-melli-tabriz", "scope-sepah-marand");
    }

    @Test
    void asking_for_another_bank_agency_or_county_is_refused() {
        assertThat(get("bank-officer", LIST + "&bank=bank-sepah").status()).isEqualTo(403);
        assertThat(get("bank-officer", LIST + "&bank=bank-melli").status()).isEqualTo(200);
        assertThat(get("agency-clerk", LIST + "&agency=welfare-organisation").status())
                .isEqualTo(403);
        assertThat(get("inspector-marand", LIST + "&county=tabriz").status()).isEqualTo(403);
    }

    @Test
    void another_banks_case_reads_as_none() {
        assertThat(get("bank-officer", "/api/facilities/scope-sepah-marand").status())
                .isEqualTo(404);
        assertThat(get("bank-officer", "/api/facilities/scope-melli-tabriz").status())
                .isEqualTo(200);
        assertThat(get("manager", "/api/facilities/scope-sepah-marand").status())
                .isEqualTo(200);
    }

    @Test
    void a_bank_sees_its_own_quota_and_league_row_and_an_institution_its_own_quota() {
        assertThat(holders("bank-officer", "/api/dashboard/1404/quotas")).containsOnly("BANK/bank-melli");
        assertThat(holders("bank-officer", "/api/planning/1404/quotas")).containsOnly("BANK/bank-melli");
        assertThat(holders("agency-clerk", "/api/dashboard/1404/quotas")).containsOnly("AGENCY/relief-committee");
        assertThat(holders("manager", "/api/dashboard/1404/quotas"))
                .contains("BANK/bank-melli", "BANK/bank-sepah", "AGENCY/relief-committee");
        List<String> league = new ArrayList<>();
        get("bank-officer", "/api/dashboard/1404/banks")
                .json()
                .forEach(row -> league.add(row.path("bank").asText()));
        assertThat(league).containsExactly("bank-melli");
    }

    @Test
    void the_worklist_of_addresses_to_visit_is_not_for_banks_or_agencies() {
        assertThat(get("bank-officer", "/api/worklist").status()).isEqualTo(403);
        assertThat(get("agency-clerk", "/api/worklist").status()).isEqualTo(403);
        assertThat(get("manager", "/api/worklist").status()).isEqualTo(200);
    }

    private List<String> ids(String user, String path) {
        Response answer = get(user, path);
        assertThat(answer.status()).as(user + ": " + answer.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        answer.json()
                .path("items")
                .forEach(item -> ids.add(item.path("facilityId").asText()));
        return ids;
    }

    private List<String> holders(String user, String path) {
        Response answer = get(user, path);
        assertThat(answer.status()).as(user + ": " + answer.body()).isEqualTo(200);
        List<String> holders = new ArrayList<>();
        for (JsonNode quota : answer.json()) {
            holders.add(quota.path("holderKind").asText() + "/"
                    + quota.path("holder").asText());
        }
        return holders;
    }

    private void grant(String facilityId, String nationalId, String bank, String agency, String county) {
        publish(
                "Facility",
                facilityId,
                GrantedFacilities.granted(
                        facilityId, nationalId, "مریم احمدی", PROGRAMME, bank, agency, county, null, null),
                Instant.now(),
                "bank-officer",
                "bank-officer",
                bank);
    }

    private void quota(QuotaId.HolderKind kind, String holder) {
        QuotaId id = new QuotaId(FiscalYear.of(1404), kind, holder, ProgrammeCode.of(PROGRAMME), "scope-source");
        publish(
                "Quota",
                id.toString(),
                new QuotaSet(id, Rials.of(10_000_000_000L), "scope test"),
                Instant.now(),
                "manager",
                "manager",
                "employment-committee");
    }
}
