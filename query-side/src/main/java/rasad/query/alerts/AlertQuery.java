package rasad.query.alerts;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import rasad.edge.problem.InvalidParameterException;
import rasad.kernel.alerts.AlertRule;
import rasad.kernel.alerts.Severity;
import rasad.query.asof.AsOfDay;

/**
 * The filters of the alert list and the heat table, as query parameters. Bound as text and checked in
 * {@link #checked}, so that a bad value is a 400 naming the parameter and its rule rather than a binding error.
 */
record AlertQuery(
        @Parameter(
                description = "one or more of OPEN, ACKNOWLEDGED, ASSIGNED, ESCALATED, CLEARED, RESOLVED, or the "
                        + "groups open (not closed) and closed; repeated or comma-separated")
        List<String> status,

        @Parameter(
                description = "minimum severity: HIGH means HIGH and CRITICAL",
                schema = @Schema(allowableValues = {"LOW", "MEDIUM", "HIGH", "CRITICAL"}))
        String severity,

        @Parameter(description = "one or more rules, R1 to R11")
        List<String> rule,

        @Parameter(description = "county code") String county,
        @Parameter(description = "bank code") String bank,
        @Parameter(description = "agency code") String agency,
        @Parameter(description = "programme code") String programme,
        @Parameter(description = "facility id") String facility,
        @Parameter(description = "the inspector assigned") String inspector,

        @Parameter(
                description = "at least this many days old (Tehran calendar days from raised to closed, or "
                        + "to today while open)",
                schema = @Schema(type = "integer", minimum = "0"))
        String minAgeDays,

        @Parameter(description = "at most this many days old", schema = @Schema(type = "integer", minimum = "0"))
        String maxAgeDays,

        @Parameter(
                description = "open at the end of this day in Tehran (raised by then, not closed by then): "
                        + "ISO 2025-12-20 or Solar Hijri 1404/09/29")
        String openAsOf) {

    static final Set<String> OPEN = statuses(false);
    static final Set<String> CLOSED = statuses(true);

    /** Checked; {@code openByDefault}: without a status or a day, only episodes open now. */
    AlertFilter checked(boolean openByDefault) {
        AsOfDay asOf = blank(openAsOf) ? null : AsOfDay.parse("openAsOf", openAsOf);
        Set<String> statuses = statuses(values(status));
        if (statuses == null && asOf == null && openByDefault) {
            statuses = OPEN;
        }
        Integer min = days("minAgeDays", minAgeDays);
        Integer max = days("maxAgeDays", maxAgeDays);
        if (min != null && max != null && min > max) {
            throw new InvalidParameterException("maxAgeDays", "AGE_RANGE", "maxAgeDays is at least minAgeDays");
        }
        return new AlertFilter(
                statuses,
                severities(severity),
                rules(values(rule)),
                text(county),
                text(bank),
                text(agency),
                text(programme),
                text(facility),
                text(inspector),
                min,
                max,
                asOf);
    }

    /** Exact, because OPEN (not yet triaged) and open (not closed) differ. */
    private static Set<String> statuses(List<String> asked) {
        if (asked.isEmpty()) {
            return null;
        }
        Set<String> statuses = new LinkedHashSet<>();
        for (String value : asked) {
            switch (value) {
                case "open" -> statuses.addAll(OPEN);
                case "closed" -> statuses.addAll(CLOSED);
                default -> {
                    if (Arrays.stream(AlertStatus.values())
                            .noneMatch(known -> known.name().equals(value))) {
                        throw new InvalidParameterException(
                                "status",
                                "ONE_OF",
                                "status is one or more of " + Arrays.toString(AlertStatus.values())
                                        + ", open or closed");
                    }
                    statuses.add(value);
                }
            }
        }
        return statuses;
    }

    private static Set<String> severities(String minimum) {
        if (blank(minimum)) {
            return null;
        }
        Severity least;
        try {
            least = Severity.valueOf(minimum.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidParameterException("severity", "ONE_OF", "severity is one of LOW, MEDIUM, HIGH, CRITICAL");
        }
        return Arrays.stream(Severity.values())
                .filter(level -> level.compareTo(least) >= 0)
                .map(Severity::name)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Set<String> rules(List<String> asked) {
        if (asked.isEmpty()) {
            return null;
        }
        Set<String> rules = new LinkedHashSet<>();
        for (String value : asked) {
            String name = value.toUpperCase(Locale.ROOT);
            if (Arrays.stream(AlertRule.values())
                    .noneMatch(known -> known.name().equals(name))) {
                throw new InvalidParameterException("rule", "ONE_OF", "rule is one or more of R1 to R11");
            }
            rules.add(name);
        }
        return rules;
    }

    private static Integer days(String parameter, String value) {
        if (blank(value)) {
            return null;
        }
        int days;
        try {
            days = Integer.parseInt(value.strip());
        } catch (NumberFormatException notAWholeNumber) {
            throw new InvalidParameterException(parameter, "TYPE_MISMATCH", parameter + " is a whole number of days");
        }
        if (days < 0) {
            throw new InvalidParameterException(parameter, "AGE_NEGATIVE", parameter + " is 0 or more");
        }
        return days;
    }

    /** Repeated or comma-separated values, blanks dropped. */
    private static List<String> values(List<String> asked) {
        return asked == null
                ? List.of()
                : asked.stream()
                        .flatMap(value -> Arrays.stream(value.split(",")))
                        .map(String::strip)
                        .filter(value -> !value.isEmpty())
                        .toList();
    }

    private static Set<String> statuses(boolean closed) {
        return Arrays.stream(AlertStatus.values())
                .filter(status -> status.closed() == closed)
                .map(AlertStatus::name)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String text(String value) {
        return blank(value) ? null : value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
