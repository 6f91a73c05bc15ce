package rasad.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import rasad.kernel.people.NationalId;

/** The demo province's plan, summed here from its records: the report's figures at 1.0, in proportion below. */
class DemoProvinceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final long BN_TOMANS = 10_000_000_000L;
    private final DemoProvince report = DemoProvince.of(1.0, TODAY);

    @Test
    void at_full_scale_the_plan_holds_the_reports_figures_exactly() {
        long jobs = report.facilities().stream().mapToLong(f -> f.jobs().size()).sum();
        assertThat(jobs).isEqualTo(48_583);
        assertThat(report.provinceTarget()).isEqualTo(45_794);
        assertThat(report.agencyTargets().values().stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .isEqualTo(45_794);
        List<DemoProvince.Facility> home = of("HOME_BUSINESS");
        assertThat(home).hasSize(2_089);
        assertThat(home.stream().mapToLong(DemoProvince.Facility::amountRials).sum())
                .isEqualTo(121 * BN_TOMANS);
        List<DemoProvince.Facility> rural = of("RURAL_SUSTAINABLE");
        assertThat(rural).hasSize(173);
        assertThat(report.session().plans()).hasSize(173);
        assertThat(report.session().plans().stream()
                        .mapToLong(DemoProvince.Plan::amountRials)
                        .sum())
                .isEqualTo(280 * BN_TOMANS);
        assertThat(rural).allSatisfy(f -> assertThat(f.approvedPlan()).isNotNull());
        assertThat(paidUnderNote16("relief-committee")).isEqualTo(865 * BN_TOMANS);
        assertThat(paidUnderNote16("welfare-organization")).isEqualTo(272 * BN_TOMANS);
        assertThat(quota("AGENCY", "relief-committee")).isEqualTo(1_000 * BN_TOMANS);
        assertThat(quota("AGENCY", "welfare-organization")).isEqualTo(505 * BN_TOMANS);
    }

    @Test
    void checks_come_out_in_realistic_proportions_and_a_dozen_diversions_are_planted() {
        List<DemoProvince.Job> jobs =
                report.facilities().stream().flatMap(f -> f.jobs().stream()).toList();
        double phoneConfirmed =
                jobs.stream().filter(DemoProvince.Job::phoneConfirmed).count() / (double) jobs.size();
        assertThat(phoneConfirmed).as("about 70 %% confirmed by phone").isBetween(0.66, 0.74);
        long drawn = report.facilities().stream().filter(f -> f.visit() != null).count();
        assertThat(drawn / (double) report.facilities().size()).isBetween(0.06, 0.10);
        long visited = report.facilities().stream()
                .filter(f -> f.visit() != null && f.visit().visited())
                .count();
        assertThat(visited / (double) drawn).isBetween(0.75, 0.87);
        assertThat(report.facilities().stream().filter(f -> f.diversion() != null))
                .hasSize(12);
        assertThat(report.facilities())
                .allSatisfy(f -> assertThat(f.jobs())
                        .allSatisfy(job -> assertThat(job.startedOn())
                                .isBetween(LocalDate.of(2025, 3, 21), LocalDate.of(2026, 1, 20))));
    }

    @Test
    void smaller_scales_keep_the_proportions() {
        DemoProvince small = DemoProvince.of(0.01, TODAY);
        assertThat(small.jobs()).isEqualTo(486);
        assertThat(small.provinceTarget()).isEqualTo(458);
        assertThat(small.plans("HOME_BUSINESS")).isEqualTo(21);
        assertThat(small.paidRials("HOME_BUSINESS")).isEqualTo(12_100_000_000L);
        assertThat(small.plans("RURAL_SUSTAINABLE")).isEqualTo(2);
    }

    @Test
    void the_same_scale_and_day_give_the_same_province() {
        assertThat(DemoProvince.of(0.05, TODAY)).isEqualTo(DemoProvince.of(0.05, TODAY));
    }

    @Test
    void every_national_id_is_valid_and_every_person_and_id_is_unique() {
        Set<String> people = new HashSet<>();
        Set<String> ids = new HashSet<>();
        report.facilities().forEach(f -> {
            assertThat(ids.add(f.facilityId())).isTrue();
            assertThat(people.add(f.nationalId())).as(f.nationalId()).isTrue();
            NationalId.of(f.nationalId());
            f.jobs().forEach(job -> {
                assertThat(ids.add(job.jobId())).isTrue();
                assertThat(people.add(job.nationalId())).as(job.nationalId()).isTrue();
                NationalId.of(job.nationalId());
            });
        });
    }

    private List<DemoProvince.Facility> of(String programme) {
        return report.facilities().stream()
                .filter(f -> f.programme().equals(programme))
                .toList();
    }

    private long paidUnderNote16(String agency) {
        return report.facilities().stream()
                .filter(f -> f.programme().equals("SUPPORT_INSTITUTIONS")
                        && f.agency().equals(agency)
                        && f.fundingSource().equals("note-16-1404"))
                .mapToLong(DemoProvince.Facility::amountRials)
                .sum();
    }

    private long quota(String kind, String holder) {
        return report.quotas().stream()
                .filter(q -> q.holderKind().equals(kind) && q.holder().equals(holder))
                .mapToLong(DemoProvince.Quota::amountRials)
                .sum();
    }
}
