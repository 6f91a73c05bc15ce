package rasad.web.language;

import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Figures as the meeting speaks of them, in the page's language: counts and percentages with Persian digits in
 * Persian, amounts in billions of tomans (a toman is ten rials).
 */
@Component("figures")
public class Figures {

    private static final BigDecimal RIALS_PER_BILLION_TOMANS = BigDecimal.valueOf(10_000_000_000L);

    public String count(Number value) {
        return value == null ? "—" : numbers(0).format(value);
    }

    /** A year or a month: its digits, without grouping. */
    public String digits(Number value) {
        if (value == null) {
            return "—";
        }
        NumberFormat format = numbers(0);
        format.setGroupingUsed(false);
        return format.format(value);
    }

    public String percent(Number value) {
        return value == null ? "—" : numbers(1).format(value) + (persian() ? "٪" : " %");
    }

    public String billionTomans(Number rials) {
        if (rials == null) {
            return "—";
        }
        BigDecimal billions =
                new BigDecimal(rials.toString()).divide(RIALS_PER_BILLION_TOMANS, 1, RoundingMode.HALF_UP);
        return numbers(1).format(billions);
    }

    /** An ISO date as a Solar Hijri one, e.g. 1404/02/30, in the page's digits. */
    public String date(String isoDate) {
        if (isoDate == null || isoDate.isBlank()) {
            return "—";
        }
        LocalDate day;
        try {
            day = LocalDate.parse(isoDate.strip());
        } catch (DateTimeParseException notADate) {
            return isoDate;
        }
        ULocale calendar = new ULocale((persian() ? "fa_IR" : "en_US") + "@calendar=persian");
        SimpleDateFormat format = new SimpleDateFormat("yyyy/MM/dd", calendar);
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"), calendar);
        utc.clear();
        utc.setTimeInMillis(day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
        return format.format(utc.getTime());
    }

    /** An instant as Tehran's wall clock on its Solar Hijri day, e.g. 1404/02/30 14:05, in the page's digits. */
    public String moment(String isoInstant) {
        if (isoInstant == null || isoInstant.isBlank()) {
            return "—";
        }
        Instant at;
        try {
            at = Instant.parse(isoInstant.strip());
        } catch (DateTimeParseException notAnInstant) {
            return isoInstant;
        }
        ULocale calendar = new ULocale((persian() ? "fa_IR" : "en_US") + "@calendar=persian");
        SimpleDateFormat format = new SimpleDateFormat("yyyy/MM/dd HH:mm", calendar);
        format.setTimeZone(TimeZone.getTimeZone("Asia/Tehran"));
        return format.format(new Date(at.toEpochMilli()));
    }

    private static NumberFormat numbers(int fractionDigits) {
        Locale locale = LocaleContextHolder.getLocale();
        // Persian digits in Persian: the JDK's CLDR data gives fa its own numbering system
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(fractionDigits);
        format.setMinimumFractionDigits(0);
        return format;
    }

    private static boolean persian() {
        return "fa".equals(LocaleContextHolder.getLocale().getLanguage());
    }
}
