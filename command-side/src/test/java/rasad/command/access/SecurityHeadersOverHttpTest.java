package rasad.command.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import rasad.command.CommandApiTest;

/**
 * Given any answer of the API — a success, a refusal, an unsigned request — then it carries the headers that
 * keep a browser from misusing it: no framing, no content sniffing, no referrer, a content security policy.
 */
class SecurityHeadersOverHttpTest extends CommandApiTest {

    @Test
    void every_answer_says_do_not_frame_do_not_sniff_send_no_referrer() throws Exception {
        for (HttpResponse<String> answer :
                new HttpResponse[] {post("admin", "/api/reference-data", "{}"), post(null, "/api/facilities", "{}")}) {
            assertThat(answer.headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(policy -> assertThat(policy)
                            .contains("frame-ancestors 'none'")
                            .contains("object-src 'none'")
                            .contains("default-src 'self'"));
            assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        }
    }
}
