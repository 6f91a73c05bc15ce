package rasad.kernel.calendar;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.PersianCalendar;
import com.ibm.icu.util.TimeZone;
import java.time.LocalDate;
import rasad.kernel.validation.InvalidValueException;

/**
 * An Iranian fiscal year, named by its Solar Hijri year (e.g. 1404). It starts on 1 Farvardin, about 21 March,
 * and targets, quotas and reports are all per fiscal year. Dates are converted by ICU4J's Persian calendar,
 * which follows the official leap-year rule, rather than by a hand-written approximation.
 */
public record FiscalYear(int year) implements Comparable<FiscalYear> {

    static final int EARLIEST = 1390;
    static final int LATEST = 1500;

    public FiscalYear {
        if (year < EARLIEST || year > LATEST) {
            throw new InvalidValueException(
                    "FISCAL_YEAR_OUT_OF_RANGE",
                    "a fiscal year is a Solar Hijri year from " + EARLIEST + " to " + LATEST);
        }
    }

    @JsonCreator
    public static FiscalYear of(int year) {
        return new FiscalYear(year);
    }

    /** The fiscal year a Gregorian date falls in; a date in no year Rasad keeps is refused. */
    public static FiscalYear containing(LocalDate date) {
        int year;
        try {
            year = persian(date).get(Calendar.EXTENDED_YEAR);
        } catch (RuntimeException beyondTheCalendar) {
            year = Integer.MIN_VALUE; // ICU's calendar does not reach years like +10000
        }
        if (year < EARLIEST || year > LATEST) {
            throw new InvalidValueException(
                    "FISCAL_YEAR_OUT_OF_RANGE",
                    date + " falls in no fiscal year Rasad keeps (" + EARLIEST + " to " + LATEST + ", about "
                            + (EARLIEST + 621) + " to " + (LATEST + 621) + ")");
        }
        return new FiscalYear(year);
    }

    /** The Solar Hijri month (1 = Farvardin … 12 = Esfand) a Gregorian date falls in. */
    public static int monthOf(LocalDate date) {
        return persian(date).get(Calendar.MONTH) + 1;
    }

    /** 1 Farvardin of this year, in the Gregorian calendar. */
    public LocalDate firstDay() {
        PersianCalendar calendar = new PersianCalendar(TimeZone.GMT_ZONE);
        calendar.clear();
        calendar.set(Calendar.EXTENDED_YEAR, year);
        calendar.set(Calendar.MONTH, 0);
        calendar.set(Calendar.DAY_OF_MONTH, 1);
        return LocalDate.ofEpochDay(Math.floorDiv(calendar.getTimeInMillis(), 86_400_000L));
    }

    /** The last day of Esfand, in the Gregorian calendar. */
    public LocalDate lastDay() {
        return next().firstDay().minusDays(1);
    }

    /** The last day of a month of this year (1 = Farvardin … 12 = Esfand), in the Gregorian calendar. */
    public LocalDate lastDayOfMonth(int month) {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("a Solar Hijri month is 1 to 12, not " + month);
        }
        if (month == 12) {
            return lastDay();
        }
        PersianCalendar calendar = new PersianCalendar(TimeZone.GMT_ZONE);
        calendar.clear();
        calendar.set(Calendar.EXTENDED_YEAR, year);
        calendar.set(Calendar.MONTH, month);
        calendar.set(Calendar.DAY_OF_MONTH, 1);
        return LocalDate.ofEpochDay(Math.floorDiv(calendar.getTimeInMillis(), 86_400_000L))
                .minusDays(1);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
    }

    public FiscalYear next() {
        return new FiscalYear(year + 1);
    }

    /** A date as Iranians write it, e.g. {@code 1404/07/15}. */
    public static String solarHijri(LocalDate date) {
        PersianCalendar calendar = persian(date);
        return String.format(
                "%04d/%02d/%02d",
                calendar.get(Calendar.EXTENDED_YEAR),
                calendar.get(Calendar.MONTH) + 1,
                calendar.get(Calendar.DAY_OF_MONTH));
    }

    private static PersianCalendar persian(LocalDate date) {
        PersianCalendar calendar = new PersianCalendar(TimeZone.GMT_ZONE);
        calendar.setTimeInMillis(date.toEpochDay() * 86_400_000L);
        return calendar;
    }

    @Override
    public int compareTo(FiscalYear other) {
        return Integer.compare(year, other.year);
    }

    @JsonValue
    @Override
    public int year() {
        return year;
    }

    @Override
    public String toString() {
        return String.valueOf(year);
    }
}
