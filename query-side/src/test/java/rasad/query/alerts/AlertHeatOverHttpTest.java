package rasad.query.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import rasad.kernel.alerts.AlertCleared;
import rasad.kernel.alerts.AlertRule;
import rasad.kernel.alerts.AlertSubject;
import rasad.kernel.alerts.Severity;
import rasad.kernel.calendar.FiscalYear;

/**
 * Given alerts of one agency across banks and counties (a bank-wide one without a county, a broker cluster
 * without a bank), when managers ask where alerts gather, then the counts per bank × county and their totals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertHeatOverHttpTest extends AlertsApiTest {

    private static final String AGENCY = "agency-heat";
    private static final String HEAT = "/api/alerts/heat?agency=" + AGENCY;

    @BeforeAll
    void alertsAcrossBanksAndCounties() {
        raise(
                "r1.hf-1",
                1,
                AlertRule.R1,
                Severity.HIGH,
                subject("hf-1", "bank-melli", "tabriz", AGENCY, "HOME_BUSINESS"),
                daysAgo(2, 0));
        raise(
                "r4.hf-2.j-1",
                1,
                AlertRule.R4,
                Severity.LOW,
                subject("hf-2", "bank-melli", "tabriz", AGENCY, "HOME_BUSINESS"),
                daysAgo(3, 0));
        raise(
                "r1.hf-3",
                1,
                AlertRule.R1,
                Severity.MEDIUM,
                subject("hf-3", "bank-melli", "marand", AGENCY, "HOME_BUSINESS"),
                daysAgo(4, 0));
        raise(
                "r1.hf-4",
                1,
                AlertRule.R1,
                Severity.HIGH,
                subject("hf-4", "bank-sepah", "tabriz", AGENCY, "HOME_BUSINESS"),
                daysAgo(5, 0));
        raise(
                "r11.bank-sepah.1404",
                1,
                AlertRule.R11,
                Severity.MEDIUM,
                new AlertSubject(null, "bank-sepah", null, AGENCY, "HOME_BUSINESS", "bank-sepah in 1404"),
                daysAgo(5, 0));
        raise(
                "r8.ahar.a1b2c3d4e5f60718",
                1,
                AlertRule.R8,
                Severity.CRITICAL,
                new AlertSubject(null, null, "ahar", AGENCY, null, "five facilities at one address in ahar"),
                daysAgo(3, 0));
        // cleared: in no table of alerts open now, but open 15 days ago
        raise(
                "r3.hf-5.j-1",
                1,
                AlertRule.R3,
                Severity.HIGH,
                subject("hf-5", "bank-melli", "tabriz", AGENCY, "HOME_BUSINESS"),
                daysAgo(20, 0));
        publish(
                "Alert",
                "r3.hf-5.j-1",
                new AlertCleared("r3.hf-5.j-1", 1, "confirmed by a later SMS", List.of()),
                daysAgo(10, 0),
                "rasad-monitoring",
                "system",
                "rule R3");
        awaitProjected();
    }

    @Test
    void by_default_the_alerts_open_now_are_counted_per_bank_and_county_with_totals() {
        JsonNode heat = get("manager", HEAT).json();

        assertThat(JSON.convertValue(heat.get("counties"), List.class))
                .containsExactly("ahar", "marand", "tabriz", "(none)");
        assertThat(row(heat, 0))
                .isEqualTo(Map.of(
                        "bank",
                        "bank-melli",
                        "total",
                        3,
                        "counts",
                        Map.of("ahar", 0, "marand", 1, "tabriz", 2, "(none)", 0)));
        assertThat(row(heat, 1))
                .isEqualTo(Map.of(
                        "bank",
                        "bank-sepah",
                        "total",
                        2,
                        "counts",
                        Map.of("ahar", 0, "marand", 0, "tabriz", 1, "(none)", 1)));
        assertThat(row(heat, 2))
                .isEqualTo(Map.of(
                        "bank",
                        "(none)",
                        "total",
                        1,
                        "counts",
                        Map.of("ahar", 1, "marand", 0, "tabriz", 0, "(none)", 0)));
        assertThat(heat.get("rows")).hasSize(3);
        assertThat(JSON.convertValue(heat.get("countyTotals"), Map.class))
                .isEqualTo(Map.of("ahar", 1, "marand", 1, "tabriz", 3, "(none)", 1));
        assertThat(heat.get("total").asLong()).isEqualTo(6);
    }

    @Test
    void the_lists_filters_apply() {
        JsonNode high = get("manager", HEAT + "&severity=HIGH").json();
        assertThat(high.get("total").asLong()).isEqualTo(3);
        assertThat(high.at("/countyTotals/tabriz").asLong()).isEqualTo(2);

        JsonNode closed = get("manager", HEAT + "&status=closed").json();
        assertThat(closed.get("total").asLong()).isOne();
        assertThat(closed.at("/rows/0/counts/tabriz").asLong()).isOne();

        JsonNode everything =
                get("manager", HEAT + "&status=open,closed&minAgeDays=5").json();
        assertThat(everything.get("total").asLong())
                .as("5, 5 and 10 days old, not 2, 3, 3 or 4")
                .isEqualTo(3);
    }

    @Test
    void open_as_of_a_day_counts_what_was_open_at_its_end_iso_or_solar_hijri() {
        LocalDate fifteenDaysAgo = LocalDate.now(TEHRAN).minusDays(15);
        for (String day : new String[] {fifteenDaysAgo.toString(), FiscalYear.solarHijri(fifteenDaysAgo)}) {
            JsonNode then = get("manager", HEAT + "&openAsOf=" + day).json();
            assertThat(then.get("total").asLong()).as(day).isOne();
            assertThat(then.at("/rows/0/bank").asText()).isEqualTo("bank-melli");
            assertThat(then.get("counties")).hasSize(1);
        }
        assertThat(get("manager", HEAT + "&openAsOf=" + LocalDate.now(TEHRAN).minusDays(3))
                        .json()
                        .get("total")
                        .asLong())
                .as("raised 3 days ago or earlier, the cleared one closed by then")
                .isEqualTo(5);
    }

    @Test
    void the_heat_table_exports_as_csv_with_a_total_row() {
        List<String> english =
                get("manager", HEAT + "&format=csv").body().lines().toList();
        assertThat(english)
                .containsExactly(
                        "\uFEFFBank,Bank (name),ahar,marand,tabriz,(none),Total",
                        "bank-melli,,0,1,2,0,3",
                        "bank-sepah,,0,0,1,1,2",
                        "(none),,1,0,0,0,1",
                        "total,,1,1,3,1,6");
        Response persian = get("manager", HEAT + "&format=csv&lang=fa");
        assertThat(persian.header("Content-Disposition")).contains("alerts-heat.csv");
        assertThat(persian.body().lines().findFirst())
                .contains("\uFEFFبانک عامل,بانک عامل (نام),ahar,marand,tabriz,(none),جمع");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(JsonNode heat, int index) {
        return JSON.convertValue(heat.get("rows").get(index), Map.class);
    }
}
