package rasad.web.language;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Every page's link to itself in the other language, its filters kept, so switching loses nothing. */
@ControllerAdvice
class LanguageSwitch {

    @ModelAttribute("otherLanguage")
    String otherLanguage() {
        return "fa".equals(LocaleContextHolder.getLocale().getLanguage()) ? "en" : "fa";
    }

    @ModelAttribute("otherLanguageUrl")
    String otherLanguageUrl(HttpServletRequest request) {
        URI self = ServletUriComponentsBuilder.fromRequest(request)
                .replaceQueryParam("lang", otherLanguage())
                .build()
                .toUri();
        // relative to this origin: behind a proxy the request's host is not the one people typed
        return self.getRawPath() + "?" + self.getRawQuery();
    }

    @ModelAttribute("currentQuery")
    String currentQuery(HttpServletRequest request) {
        return request.getQueryString();
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
