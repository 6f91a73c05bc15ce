package rasad.query.referencedata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import rasad.kernel.alerts.AlertRule;
import rasad.kernel.alerts.Severity;
import rasad.kernel.referencedata.ReferenceKind;
import rasad.query.GrantedFacilities;
import rasad.query.alerts.AlertsApiTest;

/**
 * Given a bank, a county, an agency and a programme named in reference data, and a facility and an alert that
 * use them, when a manager reads the case, the lists and their CSVs, then each code carries its name in the
 * language asked for — by {@code lang}, else by Accept-Language, else English — and Rasad's own codes (status,
 * severity) are named too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NamesOverHttpTest extends AlertsApiTest {

    private static final String FACILITY = "named-f";
    private static final String ALERT = "r5.named-f";

    @BeforeAll
    void aNamedFacilityWithAnAlert() {
        name(ReferenceKind.BANK, "bank-named", "بانک ملی", "Bank Melli");
        name(ReferenceKind.COUNTY, "named-county", "مرند", "Marand");
        name(ReferenceKind.AGENCY, "agency-named", "کمیته امداد", "Relief Committee");
        name(ReferenceKind.PROGRAMME, "PROGRAMME_NAMED", "مشاغل خانگی", "Home businesses");
        publish(
                "Facility",
                FACILITY,
                GrantedFacilities.granted(
                        FACILITY,
                        "0499370899",
                        "مریم احمدی",
                        "PROGRAMME_NAMED",
                        "bank-named",
                        "agency-named",
                        "named-county",
                        null,
                        null),
                Instant.now(),
                "bank-officer",
                "bank-officer",
                "bank-melli");
        raise(
                ALERT,
                1,
                AlertRule.R5,
                Severity.HIGH,
                subject(FACILITY, "bank-named", "named-county", "agency-named", "PROGRAMME_NAMED"),
                daysAgo(2, 0));
        awaitProjected();
    }

    @Test
    void the_case_names_its_codes_in_persian_when_asked_by_parameter() {
        Response found = get("manager", "/api/facilities/" + FACILITY + "?lang=fa");

        assertThat(found.status()).as(found.body()).isEqualTo(200);
        JsonNode names = found.json().get("names");
        assertThat(found.json().get("bank").asText()).isEqualTo("bank-named");
        assertThat(names.get("bank").asText()).isEqualTo("بانک ملی");
        assertThat(names.get("county").asText()).isEqualTo("مرند");
        assertThat(names.get("agency").asText()).isEqualTo("کمیته امداد");
        assertThat(names.get("programme").asText()).isEqualTo("مشاغل خانگی");
        assertThat(names.get("status").asText()).isEqualTo("اعطاشده");
    }

    @Test
    void without_a_parameter_the_browsers_preferred_language_wins_and_english_is_the_default() {
        Response persianBrowser = get("manager", "/api/facilities/" + FACILITY, "fa-IR,fa;q=0.9,en;q=0.5");
        Response englishBrowser = get("manager", "/api/facilities/" + FACILITY, "en-GB,fa;q=0.3");
        Response machine = get("manager", "/api/facilities/" + FACILITY);

        assertThat(persianBrowser.json().at("/names/bank").asText()).isEqualTo("بانک ملی");
        assertThat(englishBrowser.json().at("/names/bank").asText()).isEqualTo("Bank Melli");
        assertThat(machine.json().at("/names/bank").asText()).isEqualTo("Bank Melli");
        assertThat(machine.json().at("/names/status").asText()).isEqualTo("granted");
    }

    @Test
    void an_unknown_language_is_a_400_naming_the_parameter() {
        Response refused = get("manager", "/api/facilities/" + FACILITY + "?lang=de");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("\"lang\"").contains("ONE_OF");
        assertThat(get("manager", "/api/alerts?lang=de").status()).isEqualTo(400);
    }

    @Test
    void the_facility_list_and_its_persian_csv_carry_the_names_beside_the_codes() {
        Response list = get("manager", "/api/facilities?county=named-county&lang=fa");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        JsonNode item = list.json().at("/items/0");
        assertThat(item.get("facilityId").asText()).isEqualTo(FACILITY);
        assertThat(item.at("/names/county").asText()).isEqualTo("مرند");

        Response csv = get("manager", "/api/facilities?county=named-county&format=csv", "fa");
        assertThat(csv.body().lines().findFirst().orElseThrow())
                .contains("بانک عامل,بانک عامل (نام)")
                .contains("وضعیت,وضعیت (نام)");
        assertThat(csv.body())
                .contains("bank-named,بانک ملی")
                .contains("named-county,مرند")
                .contains("GRANTED,اعطاشده");
    }

    @Test
    void an_alert_names_its_severity_status_and_subject_in_the_list_the_detail_and_the_csv() {
        Response list = get("manager", "/api/alerts?county=named-county&lang=fa");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        JsonNode item = list.json().at("/items/0");
        assertThat(item.get("alertId").asText()).isEqualTo(ALERT);
        assertThat(item.at("/names/severity").asText()).isEqualTo("زیاد");
        assertThat(item.at("/names/status").asText()).isEqualTo("باز");
        assertThat(item.at("/names/bank").asText()).isEqualTo("بانک ملی");

        Response detail = get("manager", "/api/alerts/" + ALERT, "en");
        assertThat(detail.json().at("/episodes/0/names/county").asText()).isEqualTo("Marand");

        Response csv = get("manager", "/api/alerts?county=named-county&format=csv&lang=en");
        assertThat(csv.body()).contains("HIGH,high,OPEN,open").contains("bank-named,Bank Melli,named-county,Marand");
    }

    @Test
    void the_heat_table_heads_its_county_columns_by_name_and_names_its_banks() {
        Response heat = get("manager", "/api/alerts/heat?county=named-county", "fa");
        assertThat(heat.status()).as(heat.body()).isEqualTo(200);
        assertThat(heat.json().at("/countyNames/named-county").asText()).isEqualTo("مرند");
        assertThat(heat.json().at("/bankNames/bank-named").asText()).isEqualTo("بانک ملی");
        assertThat(heat.json().at("/counties/0").asText()).isEqualTo("named-county");

        assertThat(get("manager", "/api/alerts/heat?county=named-county&format=csv&lang=en")
                        .body()
                        .lines()
                        .toList())
                .containsExactly("\uFEFFBank,Bank (name),Marand,Total", "bank-named,Bank Melli,1,1", "total,,1,1");
    }
}
