package rasad.edge.request;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import rasad.kernel.calendar.FiscalYear;
import rasad.kernel.validation.InvalidValueException;

/**
 * The days a request may name: not before the first fiscal year Rasad keeps records of
 * ({@code rasad.api.business-dates.earliest}, 1390/01/01 by default) and not beyond a year from today
 * ({@code rasad.api.business-dates.ahead}: a visit may be due next month, a grant cannot be dated 2999).
 */
public record BusinessDates(LocalDate earliest, Period ahead, Clock clock) {

    public static final LocalDate FIRST_FISCAL_DAY = FiscalYear.of(1390).firstDay();

    public LocalDate check(LocalDate day) {
        LocalDate latest = LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Tehran"))).plus(ahead);
        if (day.isBefore(earliest) || day.isAfter(latest)) {
            throw new InvalidValueException("DATE_OUT_OF_RANGE", "a day from " + earliest + " ("
                    + FiscalYear.solarHijri(earliest) + ") to " + latest + " (" + FiscalYear.solarHijri(latest) + ")");
        }
        return day;
    }
}
