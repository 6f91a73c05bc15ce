package rasad.query.documents;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A piece of XHTML that is already safe to insert as it is: only a {@link HtmlTemplate} makes one (a record's
 * constructor cannot be hidden; no other code calls it), so text from a case (names, reasons, payloads) can reach
 * the page only through its escaping.
 */
public record Markup(String xhtml) {

    public static Markup join(List<Markup> parts) {
        return new Markup(parts.stream().map(Markup::xhtml).collect(Collectors.joining()));
    }
}
