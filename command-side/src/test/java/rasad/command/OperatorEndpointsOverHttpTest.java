package rasad.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Given the roles of Rasad's users, when each asks for the metrics and the health document, then only the
 * monitoring role and admins read the metrics and the health details (the data directory, the database); anyone, signed in or not, still
 * reads whether the side is up, as the probes do.
 */
class OperatorEndpointsOverHttpTest extends CommandApiTest {

    @Test
    void only_the_monitoring_role_and_admins_read_the_metrics() throws Exception {
        for (String user : new String[] {"bank-officer", "agency-clerk", "inspector", "manager", "auditor"}) {
            assertThat(get(user, "/actuator/prometheus").statusCode()).as(user).isEqualTo(403);
        }
        // let through (Spring's tests switch the Prometheus export off, hence no 200 here;
        // EmbeddedDefaultEndToEndTest reads the metrics themselves)
        for (String user : new String[] {"monitoring", "admin"}) {
            assertThat(get(user, "/actuator/prometheus").statusCode()).as(user).isNotIn(401, 403);
        }
    }

    @Test
    void the_monitoring_role_opens_no_case_and_writes_nothing() throws Exception {
        assertThat(get("monitoring", "/api/alert-rules").statusCode()).isEqualTo(403);
        HttpResponse<String> grant = post("monitoring", "/api/facilities", "{}");
        assertThat(grant.statusCode()).as(grant.body()).isEqualTo(403);
        assertThat(grant.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void nothing_of_the_actuator_but_health_and_prometheus_is_on_the_web() throws Exception {
        for (String endpoint :
                new String[] {"metrics", "info", "env", "beans", "configprops", "loggers", "threaddump"}) {
            assertThat(get("admin", "/actuator/" + endpoint).statusCode())
                    .as(endpoint)
                    .isEqualTo(404);
        }
    }

    @Test
    void everyone_sees_whether_the_side_is_up_and_only_operators_see_the_details() throws Exception {
        HttpResponse<String> bankOfficer = get("bank-officer", "/actuator/health");
        HttpResponse<String> anonymous = get(null, "/actuator/health");
        HttpResponse<String> admin = get("admin", "/actuator/health");
        HttpResponse<String> monitoring = get("monitoring", "/actuator/health");

        assertThat(bankOfficer.statusCode()).isEqualTo(200);
        assertThat(bankOfficer.body())
                .contains("\"status\"")
                .doesNotContain("components")
                .doesNotContain("diskSpace");
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).doesNotContain("components");
        assertThat(admin.body()).contains("components").contains("diskSpace");
        assertThat(monitoring.body()).contains("components").contains("mongo");
        assertThat(get(null, "/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String user, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET();
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
