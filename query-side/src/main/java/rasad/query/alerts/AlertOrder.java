package rasad.query.alerts;

import java.util.Arrays;
import java.util.Comparator;
import rasad.edge.problem.InvalidParameterException;

/**
 * How a list is sorted, as the {@code sort} parameter names it ({@code -} for descending). Ties go to the most
 * severe, then the oldest, then the alert id and episode, so that pages never overlap.
 */
enum AlertOrder {
    RAISED_AT("raisedAt", Comparator.comparing(AlertEpisode::raisedAt)),
    RAISED_AT_DESCENDING(
            "-raisedAt", Comparator.comparing(AlertEpisode::raisedAt).reversed()),
    SEVERITY("severity", Comparator.comparing(AlertEpisode::severityLevel)),
    SEVERITY_DESCENDING(
            "-severity", Comparator.comparing(AlertEpisode::severityLevel).reversed()),
    AGE("age", Comparator.comparingLong(AlertEpisode::ageDays)),
    AGE_DESCENDING("-age", Comparator.comparingLong(AlertEpisode::ageDays).reversed());

    /** Most severe first, then the oldest sign (business time), then the earliest raised. */
    static final String DEFAULT = "-severity";

    private static final Comparator<AlertEpisode> TIES = Comparator.comparing(AlertEpisode::severityLevel)
            .reversed()
            .thenComparing(AlertEpisode::since)
            .thenComparing(AlertEpisode::raisedAt)
            .thenComparing(AlertEpisode::alertId)
            .thenComparingInt(AlertEpisode::episode);

    private final String parameter;
    private final Comparator<AlertEpisode> order;

    AlertOrder(String parameter, Comparator<AlertEpisode> order) {
        this.parameter = parameter;
        this.order = order;
    }

    Comparator<AlertEpisode> comparator() {
        return order.thenComparing(TIES);
    }

    static AlertOrder parse(String sort) {
        return Arrays.stream(values())
                .filter(candidate -> candidate.parameter.equals(sort.strip()))
                .findFirst()
                .orElseThrow(() -> new InvalidParameterException(
                        "sort", "ONE_OF", "sort is one of raisedAt, -raisedAt, severity, -severity, age, -age"));
    }
}
