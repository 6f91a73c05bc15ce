package rasad.web.language;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
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
