package rasad.query.asof;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import rasad.kernel.calendar.FiscalYear;
import rasad.kernel.validation.InvalidValueException;
import rasad.query.problem.QueryParameterException;

/**
 * A day a report is "as of", as managers write it: ISO {@code 2025-12-20} or Solar Hijri {@code 1404/09/29}
 * (Persian digits too), meaning the end of that day in Tehran. A year before 1700 is read as Solar Hijri
 * whatever the separator, so that {@code 1404-09-29} is never taken for a Gregorian date six centuries ago.
 */
public record AsOfDay(LocalDate day) {

    /** Where the province's days begin and end. */
    public static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");

    private static final Pattern DATE = Pattern.compile("(\\d{4})[/-](\\d{1,2})[/-](\\d{1,2})");
    private static final int FIRST_GREGORIAN_YEAR = 1700;

    public static AsOfDay parse(String parameter, String value) {
        Matcher parts = DATE.matcher(latinDigits(value.strip()));
        if (!parts.matches()) {
            throw notADate(parameter);
        }
        int year = Integer.parseInt(parts.group(1));
        int month = Integer.parseInt(parts.group(2));
        int day = Integer.parseInt(parts.group(3));
        try {
            return new AsOfDay(year < FIRST_GREGORIAN_YEAR ? solarHijri(year, month, day) : LocalDate.of(year, month, day));
        } catch (DateTimeException noSuchDay) {
            throw notADate(parameter);
        } catch (InvalidValueException outOfRange) {
            throw new QueryParameterException(parameter, outOfRange.rule(), outOfRange.getMessage());
        }
    }

    /** The first instant after the day in Tehran: "by the end of the day" means "before this". */
    public Instant end() {
        return day.plusDays(1).atStartOfDay(TEHRAN).toInstant();
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

    /** Persian (۰–۹) and Arabic-Indic (٠–٩) digits as Latin ones. */
    private static String latinDigits(String text) {
        StringBuilder latin = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c >= '\u06F0' && c <= '\u06F9') {
                latin.append((char) ('0' + c - '\u06F0'));
            } else if (c >= '\u0660' && c <= '\u0669') {
                latin.append((char) ('0' + c - '\u0660'));
            } else {
                latin.append(c);
            }
        }
        return latin.toString();
    }

    private static QueryParameterException notADate(String parameter) {
        return new QueryParameterException(parameter, "DATE_FORMAT",
                parameter + " is a day: ISO 2025-12-20 or Solar Hijri 1404/09/29");
    }
}
