package rasad.query.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlTemplateTest {

    private final HtmlTemplate cell = new HtmlTemplate("<td class=\"{{style}}\">{{value}}</td>");

    @Test
    void text_is_escaped_and_markup_is_kept() {
        // given
        Markup bold = new HtmlTemplate("<b>{{text}}</b>").fill(Map.of("text", "a < b"));

        // when
        Markup filled = cell.fill(Map.of("style", "x\" onload=\"y", "value", bold));

        // then
        assertThat(filled.xhtml()).isEqualTo("<td class=\"x&quot; onload=&quot;y\"><b>a &lt; b</b></td>");
    }

    @Test
    void persian_text_stays_as_it_is_and_what_xml_cannot_carry_is_replaced() {
        // when
        Markup filled = cell.fill(Map.of("style", "", "value", "زهرا & احمدی\u0000"));

        // then
        assertThat(filled.xhtml()).isEqualTo("<td class=\"\">زهرا &amp; احمدی\uFFFD</td>");
    }

    @Test
    void a_slot_left_without_a_value_is_refused() {
        assertThatThrownBy(() -> cell.fill(Map.of("style", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{{value}}");
    }

    @Test
    void a_value_is_not_read_as_a_template_again() {
        // when
        Markup filled = cell.fill(Map.of("style", "{{value}}", "value", "{{style}}"));

        // then
        assertThat(filled.xhtml()).isEqualTo("<td class=\"{{value}}\">{{style}}</td>");
    }
}
