package rasad.query.dashboard;

import java.util.function.ToLongFunction;

/**
 * The figures of one breakdown for a period. Percentages are of the target where one is set; full-time
 * equivalents count part-time work as half and seasonal work pro rata (3 months a year = 0.25).
 */
public record Figures(
        long plans,
        long grantedRials,
        long paidRials,
        long jobs,
        double fte,
        Integer targetJobs,
        Double achievementPercent,
        long smsConfirmed,
        long smsFailed,
        long phoneConfirmed,
        long phoneFailed,
        long visitedJobs,
        long seenJobs,
        long verified,
        double fteVerified,
        Double verifiedPercentOfTarget,
        long sustainable,
        double fteSustainable,
        long ended,
        long plansDrawn,
        long plansVisited,
        long plansPassed,
        long diversionsConfirmed,
        long awaitingFollowUp) {

    static Figures of(ToLongFunction<Counter> count, Integer targetJobs) {
        long jobs = count.applyAsLong(Counter.jobs);
        long verified = count.applyAsLong(Counter.verified);
        return new Figures(
                count.applyAsLong(Counter.plans),
                count.applyAsLong(Counter.grantedRials),
                count.applyAsLong(Counter.paidRials),
                jobs,
                fte(count.applyAsLong(Counter.fteHalfMonths)),
                targetJobs,
                percent(jobs, targetJobs),
                count.applyAsLong(Counter.smsConfirmed),
                count.applyAsLong(Counter.smsFailed),
                count.applyAsLong(Counter.phoneConfirmed),
                count.applyAsLong(Counter.phoneFailed),
                count.applyAsLong(Counter.visitedJobs),
                count.applyAsLong(Counter.seenJobs),
                verified,
                fte(count.applyAsLong(Counter.fteVerifiedHalfMonths)),
                percent(verified, targetJobs),
                count.applyAsLong(Counter.sustainable),
                fte(count.applyAsLong(Counter.fteSustainableHalfMonths)),
                count.applyAsLong(Counter.ended),
                count.applyAsLong(Counter.plansDrawn),
                count.applyAsLong(Counter.plansVisited),
                count.applyAsLong(Counter.plansPassed),
                count.applyAsLong(Counter.diversionsConfirmed),
                count.applyAsLong(Counter.awaitingFollowUp));
    }

    private static double fte(long halfMonths) {
        return Math.round(halfMonths / 24.0 * 100) / 100.0;
    }

    /** One decimal, as the committee's report writes 106 %. */
    public static Double percent(long part, Number whole) {
        return whole == null || whole.longValue() == 0 ? null : Math.round(part * 1000.0 / whole.longValue()) / 10.0;
    }
}
