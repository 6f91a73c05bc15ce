package rasad.kernel.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import rasad.kernel.text.TypedText;
import rasad.kernel.validation.InvalidValueException;

/**
 * A day as people write it: ISO {@code 2025-05-01} or Solar Hijri {@code 1404/02/11}, in Persian digits too.
 * A year before 1700 is read as Solar Hijri whatever the separator, so that {@code 1404-02-11} is never taken for
 * a Gregorian date six centuries ago. Only a day: a time of day is refused, never cut off.
 */
public final class TypedDay {

    private static final Pattern DAY = Pattern.compile("(\\d{4})[/-](\\d{1,2})[/-](\\d{1,2})");
    private static final int FIRST_GREGORIAN_YEAR = 1700;

    private TypedDay() {}

    /** Refused with {@code DATE_FORMAT}, {@code DATE_ONLY} or {@code FISCAL_YEAR_OUT_OF_RANGE}. */
    public static LocalDate parse(String typed) {
        String text = TypedText.latinDigits(typed == null ? "" : typed.strip());
        Matcher parts = DAY.matcher(text);
        if (!parts.matches()) {
            if (text.length() > 10 && DAY.matcher(text.substring(0, 10)).matches()) {
                throw new InvalidValueException("DATE_ONLY", "a day without a time of day: 2025-05-01 or 1404/02/11");
            }
            throw notADay();
        }
        int year = Integer.parseInt(parts.group(1));
        int month = Integer.parseInt(parts.group(2));
        int day = Integer.parseInt(parts.group(3));
        try {
            return year < FIRST_GREGORIAN_YEAR ? solarHijri(year, month, day) : LocalDate.of(year, month, day);
        } catch (DateTimeException noSuchDay) {
            throw notADay();
        }
    }

    /**
     * The first six months have 31 days, the next five 30, Esfand 29 or 30; the date written back must be the
     * one given, which refuses 31 Mehr or 30 Esfand of a common year.
     */
    private static LocalDate solarHijri(int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            throw new DateTimeException("no such Solar Hijri day");
        }
        int daysBefore = month <= 7 ? (month - 1) * 31 : 6 * 31 + (month - 7) * 30;
        LocalDate date = FiscalYear.of(year).firstDay().plusDays(daysBefore + day - 1L);
        if (!FiscalYear.solarHijri(date).equals(String.format("%04d/%02d/%02d", year, month, day))) {
            throw new DateTimeException("no such Solar Hijri day");
        }
        return date;
    }

    private static InvalidValueException notADay() {
        return new InvalidValueException("DATE_FORMAT", "a day: ISO 2025-05-01 or Solar Hijri 1404/02/11");
    }
}
