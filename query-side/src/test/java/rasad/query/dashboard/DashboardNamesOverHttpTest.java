package rasad.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import rasad.kernel.calendar.FiscalYear;
import rasad.kernel.money.Rials;
import rasad.kernel.planning.QuotaId;
import rasad.kernel.planning.QuotaSet;
import rasad.kernel.referencedata.LocalizedName;
import rasad.kernel.referencedata.ProgrammeCode;
import rasad.kernel.referencedata.ReferenceEntryAdded;
import rasad.kernel.referencedata.ReferenceEntryId;
import rasad.kernel.referencedata.ReferenceKind;
import rasad.query.GrantedFacilities;
import rasad.query.alerts.AlertsApiTest;

/**
 * Given a county named in reference data, when a manager reads the dashboard, then its breakdown row carries
 * the county's Persian and English names beside the code, in JSON and in the Persian CSV.
 */
class DashboardNamesOverHttpTest extends AlertsApiTest {

    @Test
    void a_breakdown_row_shows_the_reference_data_names_beside_its_code() {
        publish(
                "ReferenceEntry",
                "COUNTY/names-county",
                new ReferenceEntryAdded(
                        new ReferenceEntryId(ReferenceKind.COUNTY, "names-county"),
                        new LocalizedName("کلیبر", "Kaleybar"),
                        null,
                        null),
                Instant.now(),
                "admin",
                "admin",
                "rasad-operations");
        publish(
                "Facility",
                "names-f",
                GrantedFacilities.granted("names-f", "0499370899", "مریم احمدی", "names-county", null, null),
                Instant.now(),
                "bank-officer",
                "bank-officer",
                "bank-melli");
        awaitProjected();

        Response dashboard = get("manager", "/api/dashboard/1404");
        assertThat(dashboard.status()).as(dashboard.body()).isEqualTo(200);
        JsonNode row = null;
        for (JsonNode county : dashboard.json().at("/breakdowns/county")) {
            if (county.get("code").asText().equals("names-county")) {
                row = county;
            }
        }
        assertThat(row).as(dashboard.body()).isNotNull();
        assertThat(row.get("nameFa").asText()).isEqualTo("کلیبر");
        assertThat(row.get("nameEn").asText()).isEqualTo("Kaleybar");
        assertThat(get("manager", "/api/dashboard/1404?format=csv&lang=fa").body())
                .contains("names-county,کلیبر,Kaleybar");
    }

    @Test
    void quotas_and_the_league_table_name_their_bank_institution_programme_and_funding_source() {
        // given
        name(ReferenceKind.BANK, "names-bank", "بانک سپه", "Bank Sepah");
        name(ReferenceKind.AGENCY, "names-agency", "کمیته امداد", "Relief Committee");
        name(ReferenceKind.PROGRAMME, "NAMES_PROGRAMME", "طرح‌های روستایی", "Rural plans");
        name(ReferenceKind.FUNDING_SOURCE, "names-source", "تبصره ۱۶", "Note 16");
        quota(QuotaId.HolderKind.BANK, "names-bank");
        quota(QuotaId.HolderKind.AGENCY, "names-agency");
        awaitProjected();

        // when
        JsonNode usage = get("manager", "/api/dashboard/1404/quotas").json();
        JsonNode set = get("manager", "/api/planning/1404/quotas?lang=fa").json();
        JsonNode league = get("manager", "/api/dashboard/1404/banks").json();

        // then
        JsonNode agency = row(usage, "holder", "names-agency");
        assertThat(agency.at("/names/holder").asText()).isEqualTo("Relief Committee");
        assertThat(agency.at("/names/programme").asText()).isEqualTo("Rural plans");
        assertThat(agency.at("/names/fundingSource").asText()).isEqualTo("Note 16");
        assertThat(row(usage, "holder", "names-bank").at("/names/holder").asText())
                .isEqualTo("Bank Sepah");
        assertThat(row(set, "holder", "names-bank").at("/names/holder").asText())
                .isEqualTo("بانک سپه");
        assertThat(row(league, "bank", "names-bank").at("/names/bank").asText()).isEqualTo("Bank Sepah");
        String csv =
                get("manager", "/api/dashboard/1404/quotas?format=csv&lang=fa").body();
        assertThat(csv.lines().findFirst().orElseThrow())
                .startsWith("\uFEFFنوع دارنده,دارنده سهمیه,دارنده سهمیه (نام),برنامه,برنامه (نام),منبع,منبع (نام),");
        assertThat(csv)
                .contains("AGENCY,names-agency,کمیته امداد,NAMES_PROGRAMME,طرح‌های روستایی,names-source,تبصره ۱۶,")
                .contains("BANK,names-bank,بانک سپه,");
        assertThat(get("manager", "/api/dashboard/1404/banks?format=csv").body())
                .startsWith("\uFEFFRank,Bank,Bank (name),Quota (rials)")
                .contains(",names-bank,Bank Sepah,");
    }

    private void quota(QuotaId.HolderKind kind, String holder) {
        QuotaId id =
                new QuotaId(FiscalYear.of(1404), kind, holder, ProgrammeCode.of("NAMES_PROGRAMME"), "names-source");
        publish(
                "Quota",
                id.toString(),
                new QuotaSet(id, Rials.of(10_000_000_000L), "names test"),
                Instant.now(),
                "manager",
                "manager",
                "employment-committee");
    }

    private static JsonNode row(JsonNode rows, String field, String code) {
        for (JsonNode row : rows) {
            if (row.path(field).asText().equals(code)) {
                return row;
            }
        }
        throw new AssertionError("no row with " + field + " " + code + " in " + rows);
    }
}
