package rasad.web.language;

import org.springframework.context.i18n.LocaleContextHolder;

/** The page's language as the APIs' {@code lang} parameter: names come back already in it. */
public final class PageLanguage {

    private PageLanguage() {}

    public static String code() {
        return "fa".equals(LocaleContextHolder.getLocale().getLanguage()) ? "fa" : "en";
    }
}
