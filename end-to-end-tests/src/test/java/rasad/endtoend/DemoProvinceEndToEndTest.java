package rasad.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rasad.demo.DemoLoader;
import rasad.demo.DemoProvince;

/**
 * The demo province at 1 % of the report, loaded over HTTP into both applications; then what the query API
 * shows is compared with totals this test computes from the plan itself.
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
        new DemoLoader(rasad.commandUrl(), "admin", "admin", 4, sent -> { }).load(province);
        await().atMost(Duration.ofMinutes(3)).until(() -> {
            for (JsonNode processor : http.get(rasad.queryUrl() + "/api/processors", "admin").json()) {
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
    void the_dashboard_shows_the_provinces_jobs_checks_and_target_as_the_plan_has_them() {
        List<DemoProvince.Job> jobs = province.facilities().stream().flatMap(f -> f.jobs().stream()).toList();
        long verified = province.facilities().stream().mapToLong(f -> f.jobs().stream()
                .filter(job -> job.phoneConfirmed() && (f.visit() == null || f.visit().passed())).count()).sum();

        JsonNode total = http.get(rasad.queryUrl() + "/api/dashboard/1404?fromMonth=1&toMonth=10", "manager")
                .json().get("total");

        assertThat(total.get("jobs").asLong()).isEqualTo(jobs.size());
        assertThat(total.get("targetJobs").asInt()).isEqualTo(province.provinceTarget());
        assertThat(total.get("smsConfirmed").asLong()).isEqualTo(jobs.stream().filter(j -> j.sms().equals("CONFIRMED")).count());
        assertThat(total.get("phoneConfirmed").asLong()).isEqualTo(jobs.stream().filter(DemoProvince.Job::phoneConfirmed).count());
        assertThat(total.get("verified").asLong()).isEqualTo(verified);
        assertThat(total.get("plans").asLong()).isEqualTo(province.facilities().size());
        assertThat(total.get("paidRials").asLong())
                .isEqualTo(province.facilities().stream().mapToLong(DemoProvince.Facility::amountRials).sum());
        assertThat(total.get("plansDrawn").asLong()).isEqualTo(province.facilities().stream().filter(f -> f.visit() != null).count());
        assertThat(total.get("plansVisited").asLong())
                .isEqualTo(province.facilities().stream().filter(f -> f.visit() != null && f.visit().visited()).count());
        assertThat(total.get("diversionsConfirmed").asLong()).isEqualTo(province.facilities().stream()
                .filter(f -> f.diversion() != null && f.diversion().confirmed()).count());
    }

    @Test
    void home_business_note_16_and_rural_plans_show_as_the_plan_paid_them() {
        JsonNode dashboard = http.get(rasad.queryUrl() + "/api/dashboard/1404", "manager").json();
        JsonNode home = row(dashboard, "programme", "HOME_BUSINESS");
        assertThat(home.get("plans").asLong()).isEqualTo(province.plans("HOME_BUSINESS"));
        assertThat(home.get("paidRials").asLong()).isEqualTo(province.paidRials("HOME_BUSINESS"));

        JsonNode quotas = http.get(rasad.queryUrl() + "/api/dashboard/1404/quotas?holderKind=AGENCY", "manager").json();
        for (JsonNode quota : quotas) {
            String agency = quota.get("holder").asText();
            long paid = province.facilities().stream().filter(f -> f.agency().equals(agency)
                            && f.programme().equals("SUPPORT_INSTITUTIONS") && f.fundingSource().equals("note-16-1404"))
                    .mapToLong(DemoProvince.Facility::amountRials).sum();
            assertThat(quota.get("paidRials").asLong()).as(agency).isEqualTo(paid);
        }
        assertThat(quotas).hasSize(2);

        JsonNode approvals = http.get(rasad.queryUrl() + "/api/committee-approvals?fiscalYear=1404", "manager").json();
        assertThat(approvals.get("plans").asInt()).isEqualTo(province.session().plans().size());
        assertThat(approvals.get("plansFinanced").asInt()).isEqualTo(province.session().plans().size());
        assertThat(approvals.get("approvedRials").asLong())
                .isEqualTo(province.session().plans().stream().mapToLong(DemoProvince.Plan::amountRials).sum());
    }

    @Test
    void the_banks_far_below_their_quota_are_flagged() {
        JsonNode banks = http.get(rasad.queryUrl() + "/api/dashboard/1404/banks", "manager").json();
        assertThat(banks).hasSizeGreaterThan(2);
        List<String> below = new java.util.ArrayList<>();
        banks.forEach(bank -> {
            if (bank.get("belowExpectation").asBoolean()) {
                below.add(bank.get("bank").asText());
            }
        });
        assertThat(below).containsExactlyInAnyOrder("refah-bank", "bank-maskan");
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
