package rasad.query.asof;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import rasad.edge.problem.InvalidParameterException;

/** How an as-of question is asked in a query string: an instant or a day, on one of the two time axes. */
public final class AsOf {

    /** The calendar a day may be typed in (Gregorian years 1700 to 9999); beyond it no record can lie. */
    private static final Instant EARLIEST = Instant.parse("1700-01-01T00:00:00Z");

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private AsOf() {}

    /**
     * An instant with its offset ({@code 2025-06-01T10:00:00Z}), or a day, ISO or Solar Hijri ({@code 1404/03/11}),
     * meaning its last instant in Tehran: "as of 1404/03/11" includes everything that day.
     */
    public static Instant instant(String parameter, String value) {
        String text = value.strip();
        if (text.contains("T")) {
            Instant instant;
            try {
                instant = OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notAnInstant) {
                throw new InvalidParameterException(
                        parameter,
                        "INSTANT_FORMAT",
                        parameter
                                + " is an instant with its offset (2025-06-01T10:00:00Z) or a day (2025-06-01, 1404/03/11)");
            }
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                // a store's clock counts milliseconds from 1970 in a long: year +999999999 overflows it
                throw new InvalidParameterException(
                        parameter, "INSTANT_OUT_OF_RANGE", parameter + " is an instant from 1700 to 9999");
            }
            return instant;
        }
        return AsOfDay.parse(parameter, text).end().minusNanos(1);
    }

    public static TimeAxis axis(String parameter, String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "recorded" -> TimeAxis.RECORDED;
            case "business" -> TimeAxis.BUSINESS;
            default ->
                throw new InvalidParameterException(parameter, "AXIS_UNKNOWN", parameter + " is recorded or business");
        };
    }
}
