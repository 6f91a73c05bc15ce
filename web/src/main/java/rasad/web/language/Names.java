package rasad.web.language;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The name of a coded thing in the page's language: reference data's own name where the answer carries one, else
 * the pages' name for a fixed code (gender, severity, status…), else the code itself, so nothing shows blank.
 */
@Component("names")
public class Names {

    private final MessageSource messages;

    Names(MessageSource messages) {
        this.messages = messages;
    }

    /** A breakdown row of the dashboard: {@code code} with {@code nameFa} and {@code nameEn}. */
    public String of(JsonNode row) {
        String code = row.path("code").asText();
        String named = row.path(persian() ? "nameFa" : "nameEn").asText("");
        return named.isBlank() ? code(code) : named;
    }

    /** A field of an answer that carries its names (asked in the page's language) under {@code names}. */
    public String of(JsonNode item, String field) {
        String named = item.path("names").path(field).asText("");
        // an alert carries what it is about under subject: its bank, county, agency, programme
        String code = item.path(field).asText(item.path("subject").path(field).asText(""));
        if (!named.isBlank() && !named.equals(code)) {
            return named;
        }
        return code(code);
    }

    /** A fixed code's name, e.g. {@code FEMALE} or {@code CRITICAL}. */
    public String code(String code) {
        if (code == null || code.isBlank()) {
            return "—";
        }
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage("code." + code, null, code, locale);
    }

    /** The texts of a list in an answer (a reading's cases, what it read), as one line. */
    public String list(JsonNode items) {
        List<String> texts = new ArrayList<>();
        items.forEach(item -> texts.add(item.asText()));
        return texts.isEmpty() ? "—" : String.join(persian() ? "، " : ", ", texts);
    }

    private static boolean persian() {
        return "fa".equals(LocaleContextHolder.getLocale().getLanguage());
    }
}
