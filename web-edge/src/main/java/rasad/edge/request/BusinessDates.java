package rasad.edge.request;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import rasad.kernel.calendar.FiscalYear;
import rasad.kernel.validation.InvalidValueException;

/**
 * The days a request may name: not before the first fiscal year Rasad keeps records of
 * ({@code rasad.api.business-dates.earliest}, 1390/01/01 by default) and not beyond a year from today
 * ({@code rasad.api.business-dates.ahead}: a visit may be due next month, a grant cannot be dated 2999).
 */
public record BusinessDates(LocalDate earliest, Period ahead, Clock clock) {

    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");

    public static final LocalDate FIRST_FISCAL_DAY = FiscalYear.of(1390).firstDay();

    /** An instant is in the window when its day in Tehran is. */
    public Instant check(Instant instant) {
        check(LocalDate.ofInstant(instant, TEHRAN));
        return instant;
    }

    public LocalDate check(LocalDate day) {
        LocalDate latest = LocalDate.now(clock.withZone(TEHRAN)).plus(ahead);
        if (day.isBefore(earliest) || day.isAfter(latest)) {
            throw new InvalidValueException(
                    "DATE_OUT_OF_RANGE",
                    "a day from " + earliest + " (" + FiscalYear.solarHijri(earliest) + ") to " + latest + " ("
                            + FiscalYear.solarHijri(latest) + ")");
        }
        return day;
    }
}
