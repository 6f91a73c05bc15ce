package rasad.query.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * XHTML with {@code {{slot}}} placeholders. A slot takes text, which is always escaped, or {@link Markup} made by
 * another template; nothing else. A slot left unfilled is a mistake in the code, not a blank on the page.
 */
public final class HtmlTemplate {

    private static final Pattern SLOT = Pattern.compile("\\{\\{([A-Za-z]+)}}");
    /** Characters XML 1.0 cannot carry at all: the PDF renderer parses the page as XML and would stop at them. */
    private static final Pattern NOT_XML =
            Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

    private final String source;

    public HtmlTemplate(String source) {
        this.source = source;
    }

    /** A template kept beside the class that fills it. */
    public static HtmlTemplate resource(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("template " + name + " is not on the classpath");
            }
            return new HtmlTemplate(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Markup fill(Map<String, ?> values) {
        Matcher slot = SLOT.matcher(source);
        StringBuilder out = new StringBuilder(source.length() * 2);
        int last = 0;
        while (slot.find()) {
            String name = slot.group(1);
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("no value for the slot {{" + name + "}}");
            }
            out.append(source, last, slot.start()).append(xhtml(values.get(name)));
            last = slot.end();
        }
        return new Markup(out.append(source, last, source.length()).toString());
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(NOT_XML.matcher(text).replaceAll("\uFFFD"), "UTF-8");
    }

    private static String xhtml(Object value) {
        if (value instanceof Markup markup) {
            return markup.xhtml();
        }
        if (value instanceof String text) {
            return escape(text);
        }
        throw new IllegalArgumentException("a slot takes text or markup, not " + value);
    }
}
