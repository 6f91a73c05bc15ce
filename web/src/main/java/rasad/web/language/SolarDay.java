package rasad.web.language;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A day as people type it on the pages: Solar Hijri, year/month/day, in Persian, Arabic-Indic or Latin digits
 * (1405/09/17, ۱۴۰۵/۹/۱۷, 1405-09-17). The APIs take ISO days; the conversion is ICU4J's Persian calendar.
 */
public final class SolarDay {

    private static final Pattern TYPED = Pattern.compile("(\\d{4})[/\\-.](\\d{1,2})[/\\-.](\\d{1,2})");
    private static final ULocale PERSIAN_CALENDAR = new ULocale("fa_IR@calendar=persian");

    private SolarDay() {}

    /** The Gregorian day of what was typed, or empty when it is no Solar Hijri day (1405/13/01, 1405/12/31…). */
    public static Optional<LocalDate> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        Matcher parts = TYPED.matcher(latinDigits(typed.strip()));
        if (!parts.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(parts.group(1));
        int month = Integer.parseInt(parts.group(2));
        int day = Integer.parseInt(parts.group(3));
        if (year < 1300 || year > 1500 || month < 1 || month > 12 || day < 1 || day > 31) {
            return Optional.empty();
        }
        Calendar calendar = Calendar.getInstance(TimeZone.getTimeZone("UTC"), PERSIAN_CALENDAR);
        calendar.clear();
        calendar.setLenient(false);
        calendar.set(year, month - 1, day);
        try {
            Instant start = Instant.ofEpochMilli(calendar.getTimeInMillis());
            return Optional.of(LocalDate.ofInstant(start, ZoneOffset.UTC));
        } catch (IllegalArgumentException noSuchDay) {
            // e.g. Esfand 30 of a year that is not leap: the lenient calendar would quietly roll it over
            return Optional.empty();
        }
    }

    /** Persian (U+06F0…) and Arabic-Indic (U+0660…) digits as Latin ones; anything else unchanged. */
    static String latinDigits(String text) {
        StringBuilder latin = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c >= 0x06F0 && c <= 0x06F9) {
                latin.append((char) ('0' + c - 0x06F0));
            } else if (c >= 0x0660 && c <= 0x0669) {
                latin.append((char) ('0' + c - 0x0660));
            } else {
                latin.appendCodePoint(c);
            }
        });
        return latin.toString();
    }
}
