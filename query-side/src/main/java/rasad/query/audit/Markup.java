package rasad.query.audit;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A piece of XHTML that is already safe to insert as it is: only a {@link HtmlTemplate} makes one, so text from a
 * case (names, reasons, payloads) can reach the page only through its escaping.
 */
record Markup(String xhtml) {

    static Markup join(List<Markup> parts) {
        return new Markup(parts.stream().map(Markup::xhtml).collect(Collectors.joining()));
    }
}
