package rasad.query.dashboard;

/**
 * What the field-visit sample says about the plans nobody visited. Of the phone-confirmed jobs in visited
 * plans, the share the inspectors saw at work estimates the share of real jobs among the phone-confirmed jobs
 * of plans not visited, with a 95 % Wilson interval. The sample is of plans, so jobs are clustered and the
 * interval is, if anything, narrower than it should be; it says so in the API docs.
 */
public record SampleEstimate(
        long plansDrawn,
        long plansVisited,
        Double visitedPercent,
        long plansPassed,
        long jobsChecked,
        long jobsSeen,
        Double passRate,
        Double passRateLow95,
        Double passRateHigh95,
        long unvisitedConfirmedJobs,
        Long estimatedRealJobs,
        Long estimatedRealJobsLow95,
        Long estimatedRealJobsHigh95) {

    private static final double Z95 = 1.959963984540054;

    static SampleEstimate of(long drawn, long visited, long passed, long checked, long seen, long unvisited) {
        if (checked == 0) {
            return new SampleEstimate(
                    drawn,
                    visited,
                    Figures.percent(visited, drawn),
                    passed,
                    0,
                    0,
                    null,
                    null,
                    null,
                    unvisited,
                    null,
                    null,
                    null);
        }
        double rate = (double) seen / checked;
        double z2 = Z95 * Z95;
        double centre = (rate + z2 / (2 * checked)) / (1 + z2 / checked);
        double half =
                Z95 / (1 + z2 / checked) * Math.sqrt(rate * (1 - rate) / checked + z2 / (4.0 * checked * checked));
        double low = Math.max(0, centre - half);
        double high = Math.min(1, centre + half);
        return new SampleEstimate(
                drawn,
                visited,
                Figures.percent(visited, drawn),
                passed,
                checked,
                seen,
                round(rate),
                round(low),
                round(high),
                unvisited,
                Math.round(rate * unvisited),
                Math.round(low * unvisited),
                Math.round(high * unvisited));
    }

    private static double round(double share) {
        return Math.round(share * 10_000) / 10_000.0;
    }
}
