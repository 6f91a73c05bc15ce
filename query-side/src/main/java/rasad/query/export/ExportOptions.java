package rasad.query.export;

import java.util.Locale;
import rasad.edge.problem.InvalidParameterException;
import rasad.query.referencedata.Language;

/**
 * How a list is answered: {@code format} json (default) or csv; {@code lang} of the names and the CSV's headers
 * (en or fa; without it, as the request's Accept-Language prefers, else en)
 * and {@code currency} of amounts (rials, tomans, or bn-tomans — billions of tomans to three decimals, as the
 * committee speaks; 1 toman = 10 rials). JSON always carries rials, in fields
 * whose names say so.
 */
public record ExportOptions(String format, String lang, String currency) {

    /**
     * The options checked, with their defaults. Not done in the constructor: Spring binds query parameters
     * through it, and would turn a refusal there into a 500 instead of the 400 naming the parameter.
     */
    ExportOptions checked() {
        return new ExportOptions(
                check("format", format, "json", "json", "csv"),
                Language.asked(lang).name().toLowerCase(Locale.ROOT),
                check("currency", currency, "rials", "rials", "tomans", "bn-tomans"));
    }

    public boolean csv() {
        return "csv".equals(format);
    }

    /** The language of names, in JSON as in CSV. */
    public Language language() {
        return Language.asked(lang);
    }

    boolean persian() {
        return "fa".equals(lang);
    }

    boolean tomans() {
        return "tomans".equals(currency);
    }

    /** Billions of tomans, as the committee's meetings and reports speak of money. */
    boolean billionTomans() {
        return "bn-tomans".equals(currency);
    }

    private static String check(String parameter, String value, String fallback, String... allowed) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        for (String candidate : allowed) {
            if (candidate.equalsIgnoreCase(value.strip())) {
                return candidate;
            }
        }
        throw new InvalidParameterException(
                parameter, "ONE_OF", parameter + " is one of " + String.join(", ", allowed));
    }
}
