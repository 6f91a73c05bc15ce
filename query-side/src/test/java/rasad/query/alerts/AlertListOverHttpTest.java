package rasad.query.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import rasad.kernel.alerts.AlertAcknowledged;
import rasad.kernel.alerts.AlertAssigned;
import rasad.kernel.alerts.AlertCleared;
import rasad.kernel.alerts.AlertEscalated;
import rasad.kernel.alerts.AlertResolution;
import rasad.kernel.alerts.AlertResolved;
import rasad.kernel.alerts.AlertRule;
import rasad.kernel.alerts.Severity;

/**
 * Given six alerts of one agency in every state, when a manager lists them over HTTP, then filters, sorting,
 * paging, openAsOf and CSV answer as documented, and a bad parameter is a 400 naming it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertListOverHttpTest extends AlertsApiTest {

    private static final String AGENCY = "agency-list";
    private static final String LIST = "/api/alerts?agency=" + AGENCY;

    // raised 10 days ago, untouched
    private static final String A = "r1.lf-1";
    // raised 3 days ago, assigned to the demo inspector
    private static final String B = "r3.lf-2.j-1";
    // raised yesterday, acknowledged
    private static final String C = "r5.lf-3";
    // raised 20 days ago, cleared 15 days ago: 5 days old for good
    private static final String D = "r4.lf-4.j-2";
    // raised 30 days ago, resolved as a false alarm 2 days ago: 28 days old
    private static final String E = "r10.lf-5";
    // raised 10 days ago, half an hour after A, escalated
    private static final String F = "r2.lf-1";

    // Open as of 2025-12-20 (29 Azar 1404) in Tehran, which ends at 20:30 UTC, for another agency.
    private static final String AS_OF = "agency-as-of";
    private static final String RAISED_BEFORE_CLOSED_AFTER = "r1.asof-1";
    private static final String RAISED_AT_2330_TEHRAN = "r1.asof-2";
    private static final String RAISED_AT_0030_NEXT_DAY = "r1.asof-3";
    private static final String RESOLVED_AT_0010_NEXT_DAY = "r1.asof-4";
    private static final String CLEARED_THAT_AFTERNOON = "r1.asof-5";

    @BeforeAll
    void sixAlertsInEveryState() {
        raise(
                A,
                1,
                AlertRule.R1,
                Severity.MEDIUM,
                subject("lf-1", "bank-melli", "tabriz", AGENCY, "HOME_BUSINESS"),
                daysAgo(10, 0));
        raise(
                B,
                1,
                AlertRule.R3,
                Severity.HIGH,
                subject("lf-2", "bank-sepah", "marand", AGENCY, "HOME_BUSINESS"),
                daysAgo(3, 0));
        byManager(B, new AlertAssigned(B, 1, "lf-2", "inspector", LocalDate.of(2026, 1, 10), null), daysAgo(2, 0));
        raise(
                C,
                1,
                AlertRule.R5,
                Severity.CRITICAL,
                subject("lf-3", "bank-melli", "marand", AGENCY, "RURAL"),
                daysAgo(1, 0));
        byManager(C, new AlertAcknowledged(C, 1, null), daysAgo(1, 5));
        raise(
                D,
                1,
                AlertRule.R4,
                Severity.HIGH,
                subject("lf-4", "bank-melli", "tabriz", AGENCY, "HOME_BUSINESS"),
                daysAgo(20, 0));
        publish(
                "Alert",
                D,
                new AlertCleared(D, 1, "the phone check passed on a second call", List.of()),
                daysAgo(15, 0),
                "rasad-monitoring",
                "system",
                "rule R4");
        raise(
                E,
                1,
                AlertRule.R10,
                Severity.LOW,
                subject("lf-5", "bank-sepah", "tabriz", AGENCY, "HOME_BUSINESS"),
                daysAgo(30, 0));
        byManager(
                E,
                new AlertResolved(E, 1, AlertResolution.FALSE_ALARM, "lf-5", "a bank typo, corrected"),
                daysAgo(2, 0));
        raise(
                F,
                1,
                AlertRule.R2,
                Severity.HIGH,
                subject("lf-1", "bank-melli", "tabriz", AGENCY, "HOME_BUSINESS"),
                daysAgo(10, 30));
        byManager(F, new AlertEscalated(F, 1, "committee", "the deadline passed long ago"), daysAgo(9, 0));

        raise(
                RAISED_BEFORE_CLOSED_AFTER,
                1,
                AlertRule.R1,
                Severity.HIGH,
                subject("asof-1", "bank-melli", "tabriz", AS_OF, "HOME_BUSINESS"),
                Instant.parse("2025-12-10T08:00:00Z"));
        publish(
                "Alert",
                RAISED_BEFORE_CLOSED_AFTER,
                new AlertCleared(RAISED_BEFORE_CLOSED_AFTER, 1, "a job came", List.of()),
                Instant.parse("2025-12-25T08:00:00Z"),
                "rasad-monitoring",
                "system",
                "rule R1");
        raise(
                RAISED_AT_2330_TEHRAN,
                1,
                AlertRule.R1,
                Severity.HIGH,
                subject("asof-2", "bank-melli", "tabriz", AS_OF, "HOME_BUSINESS"),
                Instant.parse("2025-12-20T20:00:00Z"));
        raise(
                RAISED_AT_0030_NEXT_DAY,
                1,
                AlertRule.R1,
                Severity.HIGH,
                subject("asof-3", "bank-melli", "tabriz", AS_OF, "HOME_BUSINESS"),
                Instant.parse("2025-12-20T21:00:00Z"));
        raise(
                RESOLVED_AT_0010_NEXT_DAY,
                1,
                AlertRule.R1,
                Severity.HIGH,
                subject("asof-4", "bank-melli", "tabriz", AS_OF, "HOME_BUSINESS"),
                Instant.parse("2025-12-01T08:00:00Z"));
        byManager(
                RESOLVED_AT_0010_NEXT_DAY,
                new AlertResolved(
                        RESOLVED_AT_0010_NEXT_DAY,
                        1,
                        AlertResolution.DIVERSION_CONFIRMED,
                        "asof-4",
                        "no business at the address"),
                Instant.parse("2025-12-20T20:40:00Z"));
        raise(
                CLEARED_THAT_AFTERNOON,
                1,
                AlertRule.R1,
                Severity.HIGH,
                subject("asof-5", "bank-melli", "tabriz", AS_OF, "HOME_BUSINESS"),
                Instant.parse("2025-12-01T08:00:00Z"));
        publish(
                "Alert",
                CLEARED_THAT_AFTERNOON,
                new AlertCleared(CLEARED_THAT_AFTERNOON, 1, "a job came", List.of()),
                Instant.parse("2025-12-20T10:00:00Z"),
                "rasad-monitoring",
                "system",
                "rule R1");
        awaitProjected();
    }

    @Test
    void by_default_every_episode_comes_most_severe_first_then_the_oldest_with_where_triage_stands() {
        Response list = get("manager", LIST);

        assertThat(list.status()).isEqualTo(200);
        assertThat(ids(list)).containsExactly(C, D, F, B, A, E);
        JsonNode page = list.json();
        assertThat(page.get("totalItems").asLong()).isEqualTo(6);
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(50);
        JsonNode assigned = page.get("items").get(3);
        assertThat(assigned.get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(assigned.get("inspector").asText()).isEqualTo("inspector");
        assertThat(assigned.get("visitDueOn").asText()).isEqualTo("2026-01-10");
        assertThat(assigned.get("ageDays").asLong()).isEqualTo(3);
        assertThat(assigned.at("/subject/county").asText()).isEqualTo("marand");
        assertThat(assigned.get("detects").asText()).isEqualTo(AlertRule.R3.detects());
        assertThat(assigned.has("history"))
                .as("lists leave the history to the alert's page")
                .isFalse();
        JsonNode resolved = page.get("items").get(5);
        assertThat(resolved.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.get("closedAs").asText()).isEqualTo("FALSE_ALARM");
        assertThat(resolved.get("ageDays").asLong()).as("raised to closed").isEqualTo(28);
        assertThat(page.get("items").get(2).get("escalatedTo").asText()).isEqualTo("committee");
    }

    @Test
    void status_takes_states_and_the_open_and_closed_groups() {
        assertThat(ids(get("manager", LIST + "&status=open"))).containsExactly(C, F, B, A);
        assertThat(ids(get("manager", LIST + "&status=closed"))).containsExactly(D, E);
        assertThat(ids(get("manager", LIST + "&status=ASSIGNED,ESCALATED"))).containsExactly(F, B);
        assertThat(ids(get("manager", LIST + "&status=OPEN&status=CLEARED"))).containsExactly(D, A);
        assertThat(ids(get("manager", LIST + "&status=OPEN")))
                .as("OPEN is not yet triaged")
                .containsExactly(A);
    }

    @Test
    void severity_is_a_minimum_and_codes_filter_exactly() {
        assertThat(ids(get("manager", LIST + "&severity=HIGH"))).containsExactly(C, D, F, B);
        assertThat(ids(get("manager", LIST + "&severity=critical"))).containsExactly(C);
        assertThat(ids(get("manager", LIST + "&rule=r3"))).containsExactly(B);
        assertThat(ids(get("manager", LIST + "&rule=R1,R2"))).containsExactly(F, A);
        assertThat(ids(get("manager", LIST + "&county=marand"))).containsExactly(C, B);
        assertThat(ids(get("manager", LIST + "&bank=bank-sepah"))).containsExactly(B, E);
        assertThat(ids(get("manager", LIST + "&programme=RURAL"))).containsExactly(C);
        assertThat(ids(get("manager", LIST + "&facility=lf-1"))).containsExactly(F, A);
        assertThat(ids(get("manager", LIST + "&inspector=inspector"))).containsExactly(B);
        assertThat(ids(get("manager", LIST + "&status=open&bank=bank-melli&county=tabriz")))
                .containsExactly(F, A);
        assertThat(ids(get("manager", "/api/alerts?agency=no-such-agency"))).isEmpty();
    }

    @Test
    void age_counts_to_today_while_open_and_to_the_closing_day_once_closed() {
        assertThat(ids(get("manager", LIST + "&minAgeDays=5"))).containsExactly(D, F, A, E);
        assertThat(ids(get("manager", LIST + "&maxAgeDays=3"))).containsExactly(C, B);
        assertThat(ids(get("manager", LIST + "&minAgeDays=4&maxAgeDays=10"))).containsExactly(D, F, A);
    }

    @Test
    void every_sort_order_and_its_reverse() {
        assertThat(ids(get("manager", LIST + "&sort=raisedAt"))).containsExactly(E, D, A, F, B, C);
        assertThat(ids(get("manager", LIST + "&sort=-raisedAt"))).containsExactly(C, B, F, A, D, E);
        assertThat(ids(get("manager", LIST + "&sort=severity"))).containsExactly(E, A, D, F, B, C);
        assertThat(ids(get("manager", LIST + "&sort=-severity"))).containsExactly(C, D, F, B, A, E);
        // ages 1, 3, 5, 10 (F: HIGH, A: MEDIUM, the most severe first on a tie), 28
        assertThat(ids(get("manager", LIST + "&sort=age"))).containsExactly(C, B, D, F, A, E);
        assertThat(ids(get("manager", LIST + "&sort=-age"))).containsExactly(E, F, A, D, B, C);
    }

    @Test
    void pages_cut_the_sorted_list_and_say_how_many_there_are() {
        Response first = get("manager", LIST + "&size=2");
        assertThat(ids(first)).containsExactly(C, D);
        assertThat(first.json().get("totalItems").asLong()).isEqualTo(6);
        assertThat(first.json().get("totalPages").asLong()).isEqualTo(3);
        assertThat(ids(get("manager", LIST + "&size=2&page=1"))).containsExactly(F, B);
        assertThat(ids(get("manager", LIST + "&size=2&page=2"))).containsExactly(A, E);
        Response beyond = get("manager", LIST + "&size=2&page=3");
        assertThat(ids(beyond)).isEmpty();
        assertThat(beyond.json().get("totalItems").asLong()).isEqualTo(6);
        assertThat(ids(get("manager", LIST + "&size=4&page=1&status=open"))).isEmpty();
    }

    @Test
    void open_as_of_a_day_means_raised_by_its_end_in_tehran_and_not_closed_by_then() {
        String asOf = "/api/alerts?agency=" + AS_OF + "&sort=raisedAt&openAsOf=";
        assertThat(ids(get("manager", asOf + "2025-12-20")))
                .containsExactly(RESOLVED_AT_0010_NEXT_DAY, RAISED_BEFORE_CLOSED_AFTER, RAISED_AT_2330_TEHRAN);
        assertThat(ids(get("manager", asOf + "1404/09/29")))
                .as("the same day, Solar Hijri")
                .containsExactly(RESOLVED_AT_0010_NEXT_DAY, RAISED_BEFORE_CLOSED_AFTER, RAISED_AT_2330_TEHRAN);
        assertThat(ids(get("manager", asOf + "2025-12-21")))
                .containsExactly(RAISED_BEFORE_CLOSED_AFTER, RAISED_AT_2330_TEHRAN, RAISED_AT_0030_NEXT_DAY);
        assertThat(ids(get("manager", asOf + "2025-12-09")))
                .containsExactly(RESOLVED_AT_0010_NEXT_DAY, CLEARED_THAT_AFTERNOON);
        assertThat(ids(get("manager", asOf + "2025-12-20&status=RESOLVED")))
                .as("and what became of them since")
                .containsExactly(RESOLVED_AT_0010_NEXT_DAY);
    }

    @Test
    void the_list_exports_as_csv_with_persian_or_english_headers_and_dates_in_both_calendars() {
        Response english = get("manager", "/api/alerts?agency=" + AS_OF + "&sort=raisedAt&format=csv&lang=en");
        assertThat(english.status()).isEqualTo(200);
        assertThat(english.header("Content-Type")).startsWith("text/csv");
        assertThat(english.header("Content-Disposition")).contains("alerts-page-0.csv");
        List<String> lines = english.body().lines().toList();
        assertThat(lines.get(0))
                .isEqualTo("\uFEFFAlert,Episode,Rule,Severity,Severity (name),Status,Status (name),Closed as,"
                        + "Closed as (name),Facility,Bank,Bank (name),County,County (name),Agency,Agency (name),"
                        + "Programme,Programme (name),Subject,Explanation,Raised (Solar Hijri),Raised (ISO),"
                        + "Since (Solar Hijri),"
                        + "Since (ISO),Closed (Solar Hijri),"
                        + "Closed (ISO),Age (days),Inspector,Visit due (Solar Hijri),Visit due (ISO),Escalated to");
        assertThat(lines).hasSize(6);
        // raised 2025-12-01, resolved 00:10 on 21 December in Tehran (30 Azar 1404)
        assertThat(lines.get(1))
                .startsWith(RESOLVED_AT_0010_NEXT_DAY + ",1,R1,HIGH,high,RESOLVED,resolved,DIVERSION_CONFIRMED,"
                        + "diversion confirmed,asof-4,bank-melli,,tabriz,," + AS_OF
                        + ",,HOME_BUSINESS,,facility asof-4,")
                .endsWith(",1404/09/10,2025-12-01,1404/09/10,2025-12-01,1404/09/30,2025-12-21,20,,,,");

        Response persian = get("manager", LIST + "&format=csv&lang=fa");
        List<String> rows = persian.body().lines().toList();
        assertThat(rows.get(0))
                .startsWith("\uFEFFهشدار,نوبت,قاعده,شدت,شدت (نام),وضعیت,وضعیت (نام),نحوه بستن,نحوه بستن (نام),"
                        + "تسهیلات,بانک عامل,بانک عامل (نام),شهرستان")
                .contains("تاریخ هشدار (شمسی),تاریخ هشدار (میلادی)")
                .endsWith(",ارجاع به");
        assertThat(rows).hasSize(7);
        assertThat(rows.get(4))
                .startsWith(B + ",1,R3,HIGH,زیاد,ASSIGNED,ارجاع به بازرس,,,lf-2,bank-sepah,,marand,")
                .contains(",inspector,1404/10/20,2026-01-10,");
    }

    @ParameterizedTest(name = "{0} → 400 {1} {2}")
    @CsvSource({
        "status=BOGUS,              status,     ONE_OF",
        "status=Open,               status,     ONE_OF",
        "severity=URGENT,           severity,   ONE_OF",
        "rule=R12,                  rule,       ONE_OF",
        "minAgeDays=abc,            minAgeDays, TYPE_MISMATCH",
        "maxAgeDays=-1,             maxAgeDays, AGE_NEGATIVE",
        "minAgeDays=5&maxAgeDays=2, maxAgeDays, AGE_RANGE",
        "openAsOf=2025-13-01,       openAsOf,   DATE_FORMAT",
        "openAsOf=1404/07/31,       openAsOf,   DATE_FORMAT",
        "openAsOf=last-friday,      openAsOf,   DATE_FORMAT",
        "openAsOf=1300/01/01,       openAsOf,   FISCAL_YEAR_OUT_OF_RANGE",
        "sort=newest,               sort,       ONE_OF",
        "page=-1,                   page,       PAGE_NEGATIVE",
        "size=0,                    size,       PAGE_SIZE_OUT_OF_RANGE",
        "size=501,                  size,       PAGE_SIZE_OUT_OF_RANGE",
        "size=many,                 size,       TYPE_MISMATCH",
        "format=xml,                format,     ONE_OF",
        "format=csv&lang=de,        lang,       ONE_OF"
    })
    void a_bad_parameter_is_a_400_naming_it_and_the_rule_it_broke(String parameters, String field, String rule) {
        Response refused = get("manager", "/api/alerts?" + parameters);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:rasad:problem:invalid-input");
        assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo(field);
        assertThat(refused.json().at("/errors/0/rule").asText()).isEqualTo(rule);
    }

    @Test
    void the_heat_table_and_one_alert_refuse_bad_parameters_too() {
        Response heat = get("manager", "/api/alerts/heat?severity=SEVERE");
        assertThat(heat.status()).isEqualTo(400);
        assertThat(heat.json().at("/errors/0/field").asText()).isEqualTo("severity");
        Response malformed = get("manager", "/api/alerts/R3.F-1");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().at("/errors/0/field").asText()).isEqualTo("alertId");
        assertThat(malformed.json().at("/errors/0/rule").asText()).isEqualTo("ALERT_ID_FORMAT");
    }

    @Test
    void the_api_description_documents_the_three_endpoints_and_every_filter() {
        JsonNode docs = get("manager", "/v3/api-docs").json();

        for (String path : new String[] {"/api/alerts", "/api/alerts/heat", "/api/alerts/{alertId}"}) {
            assertThat(docs.at("/paths").has(path)).as(path).isTrue();
        }
        List<String> parameters = new ArrayList<>();
        docs.at("/paths/~1api~1alerts/get/parameters")
                .forEach(parameter -> parameters.add(parameter.get("name").asText()));
        assertThat(parameters)
                .contains(
                        "status",
                        "severity",
                        "rule",
                        "county",
                        "bank",
                        "agency",
                        "programme",
                        "facility",
                        "inspector",
                        "minAgeDays",
                        "maxAgeDays",
                        "openAsOf",
                        "sort",
                        "page",
                        "size",
                        "format",
                        "lang");
    }
}
