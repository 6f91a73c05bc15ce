package rasad.query.facility;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** A follow-up horizon, an ISO duration such as {@code PT4368H}, in whole months of the average Gregorian year. */
final class HorizonMonths {

    private static final double DAYS_PER_MONTH = 365.2425 / 12;

    private HorizonMonths() {}

    /** The months, rounded; null for a horizon that is not a duration. */
    static Long of(String horizon) {
        if (horizon == null) {
            return null;
        }
        try {
            return Math.round(Duration.parse(horizon).toHours() / 24.0 / DAYS_PER_MONTH);
        } catch (DateTimeParseException notADuration) {
            return null;
        }
    }
}
