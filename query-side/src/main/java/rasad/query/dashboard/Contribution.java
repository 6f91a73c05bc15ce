package rasad.query.dashboard;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import rasad.kernel.calendar.FiscalYear;

/**
 * What one facility adds to the pre-aggregated figures: per bucket (a Solar Hijri month such as
 * {@code 1404-07}, or an approved plan {@code plan:<id>}), per field path ({@code total.jobs},
 * {@code bank.bank-melli.paidRials}, {@code quota.AGENCY:relief-committee:SUPPORT_INSTITUTIONS:note-16-1404.paidRials},
 * {@code bank.bank-melli.firstJobDays.41}…), a count.
 * <p>A pure function of {@link CaseFacts}: the projection applies the difference between a facility's
 * contribution after an event and before it.
 */
final class Contribution {

    /** Breakdowns every figure is kept under, besides the total. */
    static final List<String> BREAKDOWNS =
            List.of("agency", "programme", "county", "bank", "gender", "disability", "area", "fundingSource");

    static final String UNKNOWN = "UNKNOWN";

    private final Map<String, Map<String, Long>> counts = new HashMap<>();

    private Contribution() {}

    static Contribution of(CaseFacts facts) {
        Contribution contribution = new Contribution();
        CaseFacts.Grant grant = facts.grant();
        if (grant == null) {
            return contribution; // nothing counts before the grant
        }
        List<String> slots = slots(grant);
        String grantMonth = month(grant.grantedOn());
        contribution.add(grantMonth, slots, Counter.plans, 1);
        contribution.add(grantMonth, slots, Counter.grantedRials, grant.amountRials());
        contribution.add(
                grantMonth,
                slots,
                Counter.diversionsConfirmed,
                facts.confirmedDiversions().size());
        if (facts.drawn()) {
            contribution.add(grantMonth, slots, Counter.plansDrawn, 1);
        }
        if (facts.visit() != null) {
            contribution.add(grantMonth, slots, Counter.plansVisited, 1);
            contribution.add(
                    grantMonth, slots, Counter.plansPassed, facts.visit().passed() ? 1 : 0);
        }
        String plan = grant.approvedPlan() == null ? null : "plan:" + grant.approvedPlan();
        List<String> quotaSlots = quotaSlots(grant);
        facts.tranches().values().forEach(tranche -> {
            contribution.add(month(tranche.paidOn()), slots, Counter.paidRials, tranche.amountRials());
            contribution.add(month(tranche.paidOn()), quotaSlots, Counter.paidRials, tranche.amountRials());
            contribution.add(plan, List.of("total"), Counter.paidRials, tranche.amountRials());
        });
        if (!facts.tranches().isEmpty()) {
            LocalDate firstPaid = facts.tranches().values().stream()
                    .map(CaseFacts.Tranche::paidOn)
                    .min(LocalDate::compareTo)
                    .orElseThrow();
            contribution.add(month(firstPaid), quotaSlots, Counter.plans, 1);
        }
        facts.jobs().forEach((jobId, job) -> contribution.addJob(facts, jobId, job, slots, plan));
        facts.jobs().values().stream()
                .map(CaseFacts.Job::startedOn)
                .min(LocalDate::compareTo)
                .ifPresent(first -> {
                    long days = Math.max(0, ChronoUnit.DAYS.between(grant.grantedOn(), first));
                    contribution.add(
                            month(first), List.of("bank." + grant.bank() + ".firstJobDays"), String.valueOf(days), 1);
                });
        return contribution;
    }

    private void addJob(CaseFacts facts, String jobId, CaseFacts.Job job, List<String> slots, String plan) {
        String month = month(job.startedOn());
        long fte = (job.fullTime() ? 2L : 1L) * (job.seasonalMonths() == 0 ? 12 : job.seasonalMonths());
        boolean sms = "CONFIRMED".equals(job.sms());
        boolean phone = sms && "CONFIRMED".equals(job.phone());
        CaseFacts.Visit visit = facts.visit();
        boolean fieldPassed = visit != null && visit.saw(jobId);
        // verified: stages 1 and 2 passed and, where the plan was drawn, stage 3 too
        boolean verified = phone && (!facts.drawn() && visit == null || fieldPassed);
        boolean sustainable = verified
                && job.endedOn() == null
                && !job.followUps().isEmpty()
                && job.followUps().values().stream().allMatch("STILL_ACTIVE"::equals);
        add(month, slots, Counter.jobs, 1);
        add(month, slots, Counter.fteHalfMonths, fte);
        add(month, slots, Counter.smsConfirmed, sms ? 1 : 0);
        add(month, slots, Counter.smsFailed, failedSms(job.sms()) ? 1 : 0);
        add(month, slots, Counter.phoneConfirmed, phone ? 1 : 0);
        add(month, slots, Counter.phoneFailed, job.phone() != null && !phone ? 1 : 0);
        add(month, slots, Counter.visitedJobs, phone && visit != null ? 1 : 0);
        add(month, slots, Counter.seenJobs, phone && fieldPassed ? 1 : 0);
        add(month, slots, Counter.unvisitedConfirmedJobs, phone && visit == null ? 1 : 0);
        add(month, slots, Counter.verified, verified ? 1 : 0);
        add(month, slots, Counter.fteVerifiedHalfMonths, verified ? fte : 0);
        add(month, slots, Counter.sustainable, sustainable ? 1 : 0);
        add(
                month,
                slots,
                Counter.awaitingFollowUp,
                verified && job.endedOn() == null && job.followUps().isEmpty() ? 1 : 0);
        add(month, slots, Counter.fteSustainableHalfMonths, sustainable ? fte : 0);
        add(month, slots, Counter.ended, job.endedOn() != null ? 1 : 0);
        add(plan, List.of("total"), Counter.jobs, 1);
        add(plan, List.of("total"), Counter.verified, verified ? 1 : 0);
        add(plan, List.of("total"), Counter.sustainable, sustainable ? 1 : 0);
    }

    private static boolean failedSms(String outcome) {
        return "DENIED".equals(outcome) || "NO_ANSWER".equals(outcome);
    }

    /** The difference {@code this - before}, without zeros: what an event changed. */
    Map<String, Map<String, Long>> minus(Contribution before) {
        Map<String, Map<String, Long>> delta = new HashMap<>();
        Set<String> buckets = new HashSet<>(counts.keySet());
        buckets.addAll(before.counts.keySet());
        for (String bucket : buckets) {
            Map<String, Long> now = counts.getOrDefault(bucket, Map.of());
            Map<String, Long> then = before.counts.getOrDefault(bucket, Map.of());
            Set<String> fields = new HashSet<>(now.keySet());
            fields.addAll(then.keySet());
            Map<String, Long> changed = new HashMap<>();
            for (String field : fields) {
                long difference = now.getOrDefault(field, 0L) - then.getOrDefault(field, 0L);
                if (difference != 0) {
                    changed.put(field, difference);
                }
            }
            if (!changed.isEmpty()) {
                delta.put(bucket, changed);
            }
        }
        return delta;
    }

    static String month(LocalDate date) {
        return bucketOf(FiscalYear.containing(date).year(), FiscalYear.monthOf(date));
    }

    static String bucketOf(int fiscalYear, int month) {
        return fiscalYear + "-" + (month < 10 ? "0" : "") + month;
    }

    private static List<String> slots(CaseFacts.Grant grant) {
        List<String> slots = new ArrayList<>();
        slots.add("total");
        slots.add("agency." + grant.agency());
        slots.add("programme." + grant.programme());
        slots.add("county." + grant.county());
        slots.add("bank." + grant.bank());
        slots.add("gender." + (grant.gender() == null ? UNKNOWN : grant.gender()));
        slots.add(
                "disability." + (grant.disabled() == null ? UNKNOWN : grant.disabled() ? "DISABLED" : "NOT_DISABLED"));
        slots.add("area." + (grant.rural() == null ? UNKNOWN : grant.rural() ? "RURAL" : "URBAN"));
        slots.add("fundingSource." + (grant.fundingSource() == null ? UNKNOWN : grant.fundingSource()));
        return slots;
    }

    /** Both holders a payment counts against: the lending bank, and the agency whose quota funds it. */
    private static List<String> quotaSlots(CaseFacts.Grant grant) {
        if (grant.fundingSource() == null) {
            return List.of();
        }
        String suffix = ":" + grant.programme() + ":" + grant.fundingSource();
        return List.of("quota.BANK:" + grant.bank() + suffix, "quota.AGENCY:" + grant.agency() + suffix);
    }

    private void add(String bucket, List<String> slots, Counter counter, long count) {
        add(bucket, slots, counter.name(), count);
    }

    private void add(String bucket, List<String> slots, String field, long count) {
        if (bucket == null || count == 0) {
            return;
        }
        Map<String, Long> fields = counts.computeIfAbsent(bucket, ignored -> new HashMap<>());
        for (String slot : slots) {
            fields.merge(slot + "." + field, count, Long::sum);
        }
    }
}
