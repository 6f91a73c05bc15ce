package rasad.query.asof;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import rasad.edge.problem.InvalidParameterException;
import rasad.kernel.calendar.TypedDay;
import rasad.kernel.validation.InvalidValueException;

/**
 * A day a report is "as of", as managers write it: ISO {@code 2025-12-20} or Solar Hijri {@code 1404/09/29}
 * (Persian digits too; see {@link TypedDay}), meaning the end of that day in Tehran.
 */
public record AsOfDay(LocalDate day) {

    /** Where the province's days begin and end. */
    public static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");

    public static AsOfDay parse(String parameter, String value) {
        try {
            return new AsOfDay(TypedDay.parse(value));
        } catch (InvalidValueException refused) {
            String message = "DATE_FORMAT".equals(refused.rule())
                    ? parameter + " is a day: ISO 2025-12-20 or Solar Hijri 1404/09/29"
                    : refused.getMessage();
            throw new InvalidParameterException(parameter, refused.rule(), message);
        }
    }

    /** The first instant after the day in Tehran: "by the end of the day" means "before this". */
    public Instant end() {
        return day.plusDays(1).atStartOfDay(TEHRAN).toInstant();
    }
}
