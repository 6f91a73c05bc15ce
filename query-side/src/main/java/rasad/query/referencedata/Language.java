package rasad.query.referencedata;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;
import java.util.Locale;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import rasad.edge.problem.InvalidParameterException;

/**
 * The language names are shown in: the {@code lang} parameter where given (fa or en), else the first of fa and
 * en the request's {@code Accept-Language} prefers, else English — what machine clients, which send neither,
 * have always read.
 */
public enum Language {
    FA,
    EN;

    /** The language asked for, by parameter or by the current request's Accept-Language. */
    public static Language asked(String lang) {
        if (lang != null && !lang.isBlank()) {
            return switch (lang.strip().toLowerCase(Locale.ROOT)) {
                case "fa" -> FA;
                case "en" -> EN;
                default -> throw new InvalidParameterException("lang", "ONE_OF", "lang is one of en, fa");
            };
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return preferred(attributes.getRequest());
        }
        return EN;
    }

    private static Language preferred(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return EN;
        }
        // the servlet container orders the locales by their q values
        Enumeration<Locale> locales = request.getLocales();
        while (locales.hasMoreElements()) {
            String language = locales.nextElement().getLanguage();
            if (language.equals("fa")) {
                return FA;
            }
            if (language.equals("en")) {
                return EN;
            }
        }
        return EN;
    }

    public boolean persian() {
        return this == FA;
    }
}
