package rasad.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import rasad.query.alerts.AlertsApiTest;

/**
 * What a broken client or a probe sends to every reading endpoint: each answer is either an answer or a problem
 * in problem+json naming what is wrong, never a 500, a Tomcat page or a 401 for a user who signed in.
 */
class HostileQueriesOverHttpTest extends AlertsApiTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private static final List<String> HOSTILE_PARAMETERS = List.of(
            "asOf=%2B999999999-12-31T23:59:59Z",
            "asOf=-999999999-01-01T00:00:00Z",
            "at=%2B999999999-12-31T23:59:59Z",
            "openAsOf=9999-99-99",
            "county[$ne]=x",
            "county[]=x",
            "status[999999999]=OPEN",
            "rule[0][1]=R1",
            "county.class.module=x",
            "page=99999999999999",
            "page=-1",
            "size=-5",
            "size=1e9",
            "fromMonth=13",
            "toMonth=-1",
            "sort=%FF%FE",
            "format=%00",
            "axis=" + "x".repeat(5_000),
            "includeRetired=maybe",
            "minAgeDays=99999999999999999999");

    @Test
    void every_reading_endpoint_answers_hostile_parameters_with_an_answer_or_a_problem() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String read : reads()) {
            for (String parameter : HOSTILE_PARAMETERS) {
                String target = read.replaceAll("\\{fiscalYear}", "1404").replaceAll("\\{[^}]+}", "hostile-x") + "?"
                        + parameter;
                // between them, the manager and the auditor may read every endpoint: a 403 would hide the rest
                for (String user : List.of("manager", "auditor")) {
                    String why = answeredOrRefusedAsAProblem(raw(user, "GET " + target + " HTTP/1.1"));
                    if (why != null) {
                        wrong.add(user + " GET " + target.substring(0, Math.min(target.length(), 120)) + ": " + why);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void an_instant_beyond_any_calendar_is_refused_naming_the_parameter() throws Exception {
        for (String target : List.of(
                "/api/audit/cases/hostile-x/as-of?at=%2B999999999-12-31T23:59:59Z",
                "/api/dashboard/1404?asOf=%2B999999999-12-31T23:59:59Z",
                "/api/alerts?asOf=-999999999-01-01T00:00:00Z")) {
            Response answer = get("auditor", target);
            assertThat(answer.status()).as(target + " " + answer.body()).isEqualTo(400);
            JsonNode error = answer.json().at("/errors/0");
            assertThat(error.get("field").asText()).isIn("at", "asOf");
            assertThat(error.get("rule").asText()).isEqualTo("INSTANT_OUT_OF_RANGE");
        }
    }

    @Test
    void a_bracketed_or_dotted_parameter_is_refused_naming_it() {
        Response bracketed = get("manager", "/api/alerts?county%5B%24ne%5D=x");

        assertThat(bracketed.status()).as(bracketed.body()).isEqualTo(400);
        assertThat(bracketed.json().at("/errors/0/field").asText()).isEqualTo("county[$ne]");
        assertThat(bracketed.json().at("/errors/0/rule").asText()).isEqualTo("PARAMETER_NAME");
    }

    @Test
    void unreadable_paths_are_problems_not_tomcat_pages() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String target : List.of(
                "/api/facilities/%00",
                "/api/facilities/a%2Fb",
                "/api/facilities/%FF%FE",
                "/api/audit/cases/..%2F..%2Fadmin/history",
                "/api/facilities/%2e%2e",
                "/api/alerts/x;jsessionid=1")) {
            String answer = raw("auditor", "GET " + target + " HTTP/1.1");
            if (!answer.startsWith("HTTP/1.1 4")
                    || answer.startsWith("HTTP/1.1 401")
                    || !answer.contains("application/problem+json")) {
                wrong.add(target + " -> " + answer.lines().findFirst().orElse(""));
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** Null when the answer is a 200 or a refusal in problem details; else what is wrong with it. */
    private static String answeredOrRefusedAsAProblem(String answer) {
        String statusLine = answer.lines().findFirst().orElse("");
        if (statusLine.startsWith("HTTP/1.1 2")) {
            return null;
        }
        if (!statusLine.startsWith("HTTP/1.1 4") || statusLine.startsWith("HTTP/1.1 401")) {
            return statusLine + " " + abbreviated(body(answer));
        }
        if (!answer.toLowerCase().contains("content-type: application/problem+json")) {
            return statusLine + " not in problem+json: " + abbreviated(body(answer));
        }
        try {
            JsonNode problem = JSON.readTree(body(answer));
            return problem.hasNonNull("type") ? null : "a problem without its type: " + abbreviated(body(answer));
        } catch (Exception unreadable) {
            return "a body that is not JSON: " + abbreviated(body(answer));
        }
    }

    private TreeSet<String> reads() {
        TreeSet<String> reads = new TreeSet<>();
        mappings.getHandlerMethods().forEach((mapping, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("rasad.")
                    || ErrorController.class.isAssignableFrom(handler.getBeanType())) {
                return;
            }
            if (mapping.getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
                reads.addAll(mapping.getPatternValues());
            }
        });
        assertThat(reads).hasSizeGreaterThan(20);
        return reads;
    }

    /** Over a socket: Java's HTTP client refuses to send the targets a probe would. */
    private String raw(String user, String requestLine) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            String basic = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
            out.write((requestLine + "\r\nHost: 127.0.0.1\r\nAuthorization: Basic " + basic
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String body(String answer) {
        int start = answer.indexOf("\r\n\r\n");
        if (start < 0) {
            return "";
        }
        String body = answer.substring(start + 4);
        return answer.substring(0, start).toLowerCase().contains("transfer-encoding: chunked") ? dechunked(body) : body;
    }

    /** Chunk sizes count bytes; the body was read as UTF-8, so each chunk is cut by its bytes. */
    private static String dechunked(String chunked) {
        byte[] bytes = chunked.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (at < bytes.length) {
            int lineEnd = at;
            while (lineEnd + 1 < bytes.length && !(bytes[lineEnd] == '\r' && bytes[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            int size = Integer.parseInt(new String(bytes, at, lineEnd - at, StandardCharsets.US_ASCII).strip(), 16);
            if (size == 0) {
                break;
            }
            body.write(bytes, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    private static String abbreviated(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "…(" + text.length() + " characters)";
    }
}
