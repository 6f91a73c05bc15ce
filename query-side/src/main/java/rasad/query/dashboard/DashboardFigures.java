package rasad.query.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import rasad.edge.problem.InvalidParameterException;

/** Reads the pre-aggregated figures: a period's month documents, or an approved plan's progress. */
@Component
public class DashboardFigures {

    private final DashboardStorage store;

    DashboardFigures(DashboardStorage store) {
        this.store = store;
    }

    /** The figures of a fiscal year's months, from one month to another (1 = Farvardin … 12 = Esfand). */
    Tally period(int fiscalYear, int fromMonth, int toMonth) {
        checkMonths(fromMonth, toMonth);
        Tally tally = new Tally();
        for (int month = fromMonth; month <= toMonth; month++) {
            store.bucket(Contribution.bucketOf(fiscalYear, month)).ifPresent(tally::add);
        }
        return tally;
    }

    Map<Integer, Tally> months(int fiscalYear, int fromMonth, int toMonth) {
        checkMonths(fromMonth, toMonth);
        Map<Integer, Tally> months = new LinkedHashMap<>();
        for (int month = fromMonth; month <= toMonth; month++) {
            Tally tally = new Tally();
            store.bucket(Contribution.bucketOf(fiscalYear, month)).ifPresent(tally::add);
            months.put(month, tally);
        }
        return months;
    }

    /** Money paid and jobs created and verified under the facility financing an approved plan. */
    public record PlanProgress(long paidRials, long jobs, long verified, long sustainable) {}

    public Map<String, PlanProgress> planProgress(List<String> planIds) {
        Map<String, PlanProgress> progress = new LinkedHashMap<>();
        for (String planId : planIds) {
            Tally tally = new Tally();
            store.bucket("plan:" + planId).ifPresent(tally::add);
            progress.put(
                    planId,
                    new PlanProgress(
                            tally.get("total", Counter.paidRials),
                            tally.get("total", Counter.jobs),
                            tally.get("total", Counter.verified),
                            tally.get("total", Counter.sustainable)));
        }
        return progress;
    }

    private static void checkMonths(int fromMonth, int toMonth) {
        if (fromMonth < 1 || fromMonth > 12) {
            throw new InvalidParameterException("fromMonth", "MONTH_RANGE", "a month is 1 (Farvardin) to 12 (Esfand)");
        }
        if (toMonth < fromMonth || toMonth > 12) {
            throw new InvalidParameterException("toMonth", "MONTH_RANGE", "toMonth is fromMonth to 12");
        }
    }
}
