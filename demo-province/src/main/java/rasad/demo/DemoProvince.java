package rasad.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A fiscal year of East Azerbaijan shaped like the employment committee's report (see docs), as a plan: what
 * the loader sends, and what a test sums. Pure and deterministic for a scale and a day; at scale 1.0 the
 * report's figures come out exactly: 48,583 jobs against a target of 45,794; 2,089 home-business plans paid
 * 121 bn tomans; Note 16 quotas of 1,000 and 505 bn tomans with 865 and 272 bn paid; 173 rural plans for
 * 280 bn tomans. Fiscal year 1404; everything dated in its first ten months (Farvardin–Dey).
 */
public record DemoProvince(
        double scale,
        List<ReferenceEntry> referenceData,
        int provinceTarget,
        Map<String, Integer> agencyTargets,
        List<Quota> quotas,
        Session session,
        List<Facility> facilities,
        List<Sample> samples,
        List<Attempt> attempts) {

    public static final int FISCAL_YEAR = 1404;
    public static final String PROVINCE = "east-azerbaijan";
    static final LocalDate FIRST_DAY = LocalDate.of(2025, 3, 21); // 1 Farvardin 1404
    static final LocalDate TENTH_MONTH_ENDS = LocalDate.of(2026, 1, 20); // 30 Dey 1404
    static final long TOMAN = 10;
    static final long BN_TOMANS = 1_000_000_000L * TOMAN;

    public record ReferenceEntry(
            String kind, String code, String nameFa, String nameEn, Integer fiscalYear, String parentBank) {}

    public record Quota(String holderKind, String holder, String programme, String fundingSource, long amountRials) {}

    public record Session(String sessionId, LocalDate heldOn, List<Plan> plans) {}

    public record Plan(
            String planId, String title, String programme, String county, long amountRials, int committedJobs) {}

    /** A facility, paid in one tranche of its whole amount, with its jobs and what checking them finds. */
    public record Facility(
            String facilityId,
            String nationalId,
            String name,
            String gender,
            boolean disabled,
            boolean rural,
            String programme,
            String bank,
            String agency,
            String county,
            String fundingSource,
            String approvedPlan,
            long amountRials,
            int committedJobs,
            LocalDate grantedOn,
            LocalDate paidOn,
            List<Job> jobs,
            Visit visit,
            Diversion diversion) {}

    /**
     * A job: the SMS check's outcome (CONFIRMED, NO_ANSWER, DENIED), the phone check's (null when the SMS
     * failed), and the sustainability follow-ups recorded (horizon → STILL_ACTIVE or ENDED; empty for most).
     */
    public record Job(
            String jobId,
            String nationalId,
            String occupation,
            LocalDate startedOn,
            boolean fullTime,
            int seasonalMonths,
            String sms,
            String phone,
            Map<String, String> followUps) {
        public boolean phoneConfirmed() {
            return "CONFIRMED".equals(phone);
        }
    }

    /**
     * A planted attempt that Rasad refuses and keeps as evidence: a facility claiming as its job a person whose
     * job another facility already counts ({@code DUPLICATE_CLAIM}, rule R6), or a bank reporting a payment beyond
     * the grant ({@code OVER_PAYMENT}, rule R10). Neither changes any figure.
     */
    public record Attempt(String kind, String facilityId, String nationalId) {
        public static final String DUPLICATE_CLAIM = "DUPLICATE_CLAIM";
        public static final String OVER_PAYMENT = "OVER_PAYMENT";
    }

    /** Drawn into a sample; visited or not (yet); if visited, passed or not. */
    public record Visit(String sampleId, boolean visited, boolean passed) {}

    /** A planted diversion: what the inspector found, and whether a manager confirmed it. */
    public record Diversion(String findingId, String finding, boolean confirmed) {}

    public record Sample(String sampleId, LocalDate dueOn, List<String> inspectors, List<String> facilityIds) {}

    /** The province at a scale (1.0 = the report), with follow-ups recorded for horizons reached by {@code today}. */
    public static DemoProvince of(double scale, LocalDate today) {
        return new DemoProvinceShape(scale, today).build();
    }

    // ---- totals, for the summary and for tests that check them against what Rasad shows ---------------

    public long jobs() {
        return facilities.stream().mapToLong(facility -> facility.jobs().size()).sum();
    }

    public long paidRials(String programme) {
        return facilities.stream()
                .filter(f -> f.programme().equals(programme))
                .mapToLong(Facility::amountRials)
                .sum();
    }

    public long plans(String programme) {
        return facilities.stream().filter(f -> f.programme().equals(programme)).count();
    }

    /** How many requests the loader sends, for its progress bar. */
    public long requests() {
        long perFacility = facilities.stream()
                .mapToLong(f -> 2
                        + f.jobs().size()
                        + f.jobs().stream()
                                .mapToLong(job -> 1
                                        + (job.phone() == null ? 0 : 1)
                                        + job.followUps().size())
                                .sum()
                        + (f.visit() != null && f.visit().visited() ? 1 : 0)
                        + (f.diversion() == null ? 0 : 2))
                .sum();
        return referenceData.size()
                + 1
                + agencyTargets.size()
                + quotas.size()
                + 1
                + samples.size()
                + 1
                + perFacility
                + attempts.size();
    }

    Map<String, Long> jobsBy(Function<Facility, String> dimension) {
        Map<String, Long> jobs = new LinkedHashMap<>();
        facilities.forEach(f -> jobs.merge(dimension.apply(f), (long) f.jobs().size(), Long::sum));
        return jobs;
    }

    static List<String> list(String... values) {
        return new ArrayList<>(List.of(values));
    }
}
