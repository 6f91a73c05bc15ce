package rasad.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rasad.demo.DemoLoader;
import rasad.demo.DemoPlaces;
import rasad.demo.DemoProvince;

/**
 * The demo province at 1 % of the report, loaded over HTTP into both applications; then what the query API
 * shows is compared with totals this test computes from the plan itself; and every case, one by one, verifies
 * intact with nothing missing from its history.
 */
class DemoProvinceEndToEndTest {

    @TempDir
    static Path dataDir;

    static RasadCluster rasad;
    static DemoProvince province;
    static final RasadHttp http = new RasadHttp();

    @BeforeAll
    static void loadTheDemoProvince() throws IOException {
        rasad = RasadCluster.embedded(EmbeddedDefaultEndToEndTest.freePort(), dataDir, "memory");
        province = DemoProvince.of(0.01, LocalDate.now());
        // eight clients at once: commits land out of position order, and gaps are filled late
        new DemoLoader(rasad.commandUrl(), "admin", "admin", 8, sent -> {}).load(province);
        await().atMost(Duration.ofMinutes(3)).until(() -> {
            for (JsonNode processor :
                    http.get(rasad.queryUrl() + "/api/processors", "admin").json()) {
                if (processor.get("behindEvents").asLong() != 0) {
                    return false;
                }
            }
            return true;
        });
    }

    @AfterAll
    static void stop() {
        rasad.close();
    }

    @Test
    void
            given_the_province_loaded_by_eight_parallel_clients_when_each_case_is_verified_then_every_one_is_intact_and_its_history_complete() {
        for (DemoProvince.Facility facility : province.facilities()) {
            String audit = rasad.queryUrl() + "/api/audit/cases/" + facility.facilityId();
            RasadHttp.Response verification = http.get(audit + "/verification", "auditor");
            assertThat(verification.status()).as(verification.body()).isEqualTo(200);
            assertThat(verification.json().get("intact").asBoolean())
                    .as("%s: %s", facility.facilityId(), verification.body())
                    .isTrue();

            JsonNode history = http.get(audit + "/history?size=500", "auditor").json();
            assertThat(history.get("missingPositions"))
                    .as("%s: %s", facility.facilityId(), history)
                    .isEmpty();
            assertThat(history.get("items"))
                    .as(facility.facilityId())
                    .hasSize(history.get("totalItems").asInt());
            List<Long> positions = new ArrayList<>();
            history.get("items").forEach(item -> {
                assertThat(item.get("integrity").asText())
                        .as("%s: %s", facility.facilityId(), item)
                        .isEqualTo("OK");
                positions.add(item.get("position").asLong());
            });
            assertThat(positions).as(facility.facilityId()).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void every_demo_case_has_a_place_and_each_visit_planted_far_from_it_raised_r7() {
        for (DemoProvince.Facility facility : province.facilities()) {
            JsonNode theCase = http.get(rasad.queryUrl() + "/api/facilities/" + facility.facilityId(), "manager")
                    .json();
            assertThat(theCase.at("/workplace/latitude").isNumber())
                    .as(facility.facilityId())
                    .isTrue();
            assertThat(theCase.at("/workplace/address").asText()).isNotBlank();
            if (facility.visit() != null && facility.visit().visited()) {
                long metres = theCase.at("/visits/0/metresFromWorkplace").asLong();
                if (DemoPlaces.plantedFarVisit(facility)) {
                    assertThat(metres).as(facility.facilityId()).isGreaterThan(500);
                    await().atMost(Duration.ofSeconds(30))
                            .until(() -> http.get(
                                                    rasad.queryUrl() + "/api/alerts/r7." + facility.facilityId()
                                                            + ".far",
                                                    "manager")
                                            .status()
                                    == 200);
                } else {
                    assertThat(metres).as(facility.facilityId()).isLessThan(100);
                }
            }
        }
    }

    @Test
    void the_dashboard_shows_the_provinces_jobs_checks_and_target_as_the_plan_has_them() {
        List<DemoProvince.Job> jobs =
                province.facilities().stream().flatMap(f -> f.jobs().stream()).toList();
        long verified = province.facilities().stream()
                .mapToLong(f -> f.jobs().stream()
                        .filter(job -> job.phoneConfirmed()
                                && (f.visit() == null || f.visit().passed()))
                        .count())
                .sum();

        JsonNode total = http.get(rasad.queryUrl() + "/api/dashboard/1404?fromMonth=1&toMonth=10", "manager")
                .json()
                .get("total");

        assertThat(total.get("jobs").asLong()).isEqualTo(jobs.size());
        assertThat(total.get("targetJobs").asInt()).isEqualTo(province.provinceTarget());
        assertThat(total.get("smsConfirmed").asLong())
                .isEqualTo(
                        jobs.stream().filter(j -> j.sms().equals("CONFIRMED")).count());
        assertThat(total.get("phoneConfirmed").asLong())
                .isEqualTo(
                        jobs.stream().filter(DemoProvince.Job::phoneConfirmed).count());
        assertThat(total.get("verified").asLong()).isEqualTo(verified);
        assertThat(total.get("plans").asLong()).isEqualTo(province.facilities().size());
        assertThat(total.get("paidRials").asLong())
                .isEqualTo(province.facilities().stream()
                        .mapToLong(DemoProvince.Facility::amountRials)
                        .sum());
        assertThat(total.get("plansDrawn").asLong())
                .isEqualTo(province.facilities().stream()
                        .filter(f -> f.visit() != null)
                        .count());
        assertThat(total.get("plansVisited").asLong())
                .isEqualTo(province.facilities().stream()
                        .filter(f -> f.visit() != null && f.visit().visited())
                        .count());
        assertThat(total.get("diversionsConfirmed").asLong())
                .isEqualTo(province.facilities().stream()
                        .filter(f -> f.diversion() != null && f.diversion().confirmed())
                        .count());
    }

    @Test
    void month_sixs_report_said_nothing_then_but_what_we_know_now_about_month_six_is_every_grant_by_its_end() {
        LocalDate endOfMonthSix = LocalDate.of(2025, 9, 22); // 1404/06/31
        long grantedByThen = province.facilities().stream()
                .filter(f -> !f.grantedOn().isAfter(endOfMonthSix))
                .count();
        assertThat(grantedByThen)
                .as("the plan grants some facilities by then, not all")
                .isPositive()
                .isLessThan(province.facilities().size());

        JsonNode known = http.get(rasad.queryUrl() + "/api/dashboard/1404?asOf=1404/06/31&axis=business", "manager")
                .json()
                .get("total");
        JsonNode said = http.get(rasad.queryUrl() + "/api/dashboard/1404?asOf=1404/06/31&axis=recorded", "manager")
                .json()
                .get("total");

        assertThat(known.get("plans").asLong()).isEqualTo(grantedByThen);
        assertThat(said.get("plans").asLong()).as("the year was imported today").isZero();
    }

    @Test
    void home_business_note_16_and_rural_plans_show_as_the_plan_paid_them() {
        JsonNode dashboard =
                http.get(rasad.queryUrl() + "/api/dashboard/1404", "manager").json();
        JsonNode home = row(dashboard, "programme", "HOME_BUSINESS");
        assertThat(home.get("plans").asLong()).isEqualTo(province.plans("HOME_BUSINESS"));
        assertThat(home.get("paidRials").asLong()).isEqualTo(province.paidRials("HOME_BUSINESS"));

        JsonNode quotas = http.get(rasad.queryUrl() + "/api/dashboard/1404/quotas?holderKind=AGENCY", "manager")
                .json();
        for (JsonNode quota : quotas) {
            String agency = quota.get("holder").asText();
            long paid = province.facilities().stream()
                    .filter(f -> f.agency().equals(agency)
                            && f.programme().equals("SUPPORT_INSTITUTIONS")
                            && f.fundingSource().equals("note-16-1404"))
                    .mapToLong(DemoProvince.Facility::amountRials)
                    .sum();
            assertThat(quota.get("paidRials").asLong()).as(agency).isEqualTo(paid);
        }
        assertThat(quotas).hasSize(2);

        JsonNode approvals = http.get(rasad.queryUrl() + "/api/committee-approvals?fiscalYear=1404", "manager")
                .json();
        assertThat(approvals.get("plans").asInt())
                .isEqualTo(province.session().plans().size());
        assertThat(approvals.get("plansFinanced").asInt())
                .isEqualTo(province.session().plans().size());
        assertThat(approvals.get("approvedRials").asLong())
                .isEqualTo(province.session().plans().stream()
                        .mapToLong(DemoProvince.Plan::amountRials)
                        .sum());
    }

    @Test
    void the_banks_far_below_their_quota_are_flagged() {
        JsonNode banks = http.get(rasad.queryUrl() + "/api/dashboard/1404/banks", "manager")
                .json();
        assertThat(banks).hasSizeGreaterThan(2);
        List<String> below = new ArrayList<>();
        banks.forEach(bank -> {
            if (bank.get("belowExpectation").asBoolean()) {
                below.add(bank.get("bank").asText());
            }
        });
        assertThat(below).containsExactlyInAnyOrder("refah-bank", "bank-maskan");
    }

    /**
     * The rules against the plan: every planted diversion and refused attempt has an open alert, and no facility
     * in which the plan put nothing wrong has one. "Something wrong" is computed here from the plan, not by the
     * rules: a failed or unanswered check, a job ended early, fewer jobs than committed, a failed visit, a drawn
     * plan not visited by its past due date. (A time rule may fire during the load before the record that
     * satisfies it arrives, and clear when it does: closed alerts are not counted.)
     */
    @Test
    void every_planted_diversion_is_alerted_and_no_clean_facility_is() {
        Set<String> planted = new TreeSet<>();
        province.facilities().stream().filter(f -> f.diversion() != null).forEach(f -> planted.add(f.facilityId()));
        province.attempts().forEach(attempt -> planted.add(attempt.facilityId()));
        assertThat(province.attempts())
                .extracting(DemoProvince.Attempt::kind)
                .contains(DemoProvince.Attempt.DUPLICATE_CLAIM, DemoProvince.Attempt.OVER_PAYMENT);

        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> openAlertsByFacility().keySet().containsAll(planted));
        Map<String, Set<String>> open = quietAlerts();

        for (DemoProvince.Attempt attempt : province.attempts()) {
            assertThat(open.get(attempt.facilityId()))
                    .as(attempt.toString())
                    .contains(attempt.kind().equals(DemoProvince.Attempt.DUPLICATE_CLAIM) ? "R6" : "R10");
        }
        province.facilities().stream()
                .filter(f -> f.diversion() != null)
                .forEach(f ->
                        assertThat(open.get(f.facilityId())).as(f.facilityId()).contains("R5"));

        LocalDate today = LocalDate.now();
        Map<String, LocalDate> due = new HashMap<>();
        province.samples().forEach(sample -> sample.facilityIds().forEach(id -> due.put(id, sample.dueOn())));
        List<String> clean = province.facilities().stream()
                .filter(f -> !planted.contains(f.facilityId()))
                .filter(f -> !f.jobs().isEmpty() && f.jobs().size() >= f.committedJobs())
                .filter(f -> f.jobs().stream()
                        .allMatch(
                                job -> job.phoneConfirmed() && !job.followUps().containsValue("ENDED")))
                .filter(f -> f.visit() == null
                        || f.visit().passed()
                        || !f.visit().visited() && !due.get(f.facilityId()).isBefore(today))
                .map(DemoProvince.Facility::facilityId)
                .toList();
        assertThat(clean)
                .as("the plan has clean facilities")
                .hasSizeGreaterThan(province.facilities().size() / 3);
        assertThat(open.keySet()).as("facilities with open alerts").doesNotContainAnyElementsOf(clean);
    }

    @Test
    void the_banks_paying_far_below_their_quota_by_the_years_end_are_alerted() {
        quietAlerts();
        Set<String> expected = new TreeSet<>();
        for (DemoProvince.Quota quota : province.quotas()) {
            long paid = province.facilities().stream()
                    .filter(f -> f.bank().equals(quota.holder())
                            && f.programme().equals(quota.programme())
                            && quota.fundingSource().equals(f.fundingSource()))
                    .mapToLong(DemoProvince.Facility::amountRials)
                    .sum();
            if (quota.holderKind().equals("BANK") && paid * 100 < quota.amountRials() * 50) {
                expected.add(quota.holder() + "/" + quota.programme());
            }
        }
        Set<String> alerted = new TreeSet<>();
        for (JsonNode alert : alerts("&rule=R11")) {
            alerted.add(alert.at("/subject/bank").asText() + "/"
                    + alert.at("/subject/programme").asText());
        }
        assertThat(expected).as("the plan has banks far below their quota").isNotEmpty();
        assertThat(alerted).isEqualTo(expected);
    }

    /** Open alerts per facility (rules), once nothing has changed for six seconds and the read models caught up. */
    private static Map<String, Set<String>> quietAlerts() {
        List<Map<String, Set<String>>> seen = new ArrayList<>();
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    seen.add(openAlertsByFacility());
                    int n = seen.size();
                    return n >= 4
                            && seen.get(n - 1).equals(seen.get(n - 2))
                            && seen.get(n - 2).equals(seen.get(n - 3))
                            && seen.get(n - 3).equals(seen.get(n - 4))
                            && caughtUp();
                });
        return seen.get(seen.size() - 1);
    }

    /** The query side's processors and the command side's rules have read every event; no rule check is due. */
    private static boolean caughtUp() {
        for (JsonNode processor :
                http.get(rasad.queryUrl() + "/api/processors", "admin").json()) {
            if (processor.get("behindEvents").asLong() != 0) {
                return false;
            }
        }
        MongoDatabase database = rasad.commandSide().getBean(MongoDatabase.class);
        Document rules = database.getCollection("alert_rule_state")
                .find(Filters.eq("_id", "processed-through"))
                .first();
        long head = rasad.commandSide()
                .getBean(EventStore.class)
                .createHeadToken()
                .position()
                .orElse(0);
        long dueChecks = database.getCollection("deadlines")
                .countDocuments(Filters.and(
                        Filters.eq("name", "alert-rule-check"),
                        Filters.in("status", "SCHEDULED", "RUNNING"),
                        Filters.lte("dueAt", Instant.now().toString())));
        return rules != null && rules.get("position", Number.class).longValue() >= head && dueChecks == 0;
    }

    private static Map<String, Set<String>> openAlertsByFacility() {
        Map<String, Set<String>> byFacility = new TreeMap<>();
        for (JsonNode alert : alerts("")) {
            JsonNode facility = alert.at("/subject/facilityId");
            if (!facility.isMissingNode() && !facility.isNull()) {
                byFacility
                        .computeIfAbsent(facility.asText(), id -> new TreeSet<>())
                        .add(alert.get("rule").asText());
            }
        }
        return byFacility;
    }

    /** Every open alert episode, page by page. */
    private static List<JsonNode> alerts(String filters) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = http.get(
                            rasad.queryUrl() + "/api/alerts?status=open&size=500&page=" + page + filters, "manager")
                    .json();
            answer.get("items").forEach(all::add);
            if (page + 1 >= answer.get("totalPages").asInt()) {
                return all;
            }
        }
    }

    private static JsonNode row(JsonNode dashboard, String breakdown, String code) {
        for (JsonNode row : dashboard.at("/breakdowns/" + breakdown)) {
            if (row.get("code").asText().equals(code)) {
                return row.get("figures");
            }
        }
        throw new AssertionError("no " + code);
    }
}
