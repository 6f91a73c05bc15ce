package rasad.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What an attacker, a broken client or a bad import sends, at every writing endpoint: each answer is a problem
 * in problem+json naming what is wrong, never a 500, a Tomcat page or a 401 for a user who signed in; and
 * nothing is recorded.
 */
class HostileRequestsOverHttpTest extends CommandApiTest {

    private static final String ID = "hostile-1";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @BeforeEach
    void aGrantedFacility() throws Exception {
        HttpResponse<String> granted = post("admin", "/api/facilities", grant("hostile-f", "\"2025-05-01\""));
        assertThat(granted.statusCode()).as(granted.body()).isIn(200, 201);
    }

    @Test
    void every_writing_endpoint_answers_hostile_bodies_with_a_problem_and_records_nothing() throws Exception {
        List<String> bodies = List.of(
                "{\"a\": 1} trailing",
                "{\"reason\": \"x\", \"reason\": \"y\"}",
                "[null]",
                "{",
                "\"\\u0000\"",
                "[".repeat(5_000) + "]".repeat(5_000),
                "{\"amountRials\": 1e999999}",
                "{\"note\": \"" + "x".repeat(300_000) + "\"}",
                "{\"reason\": \"bidi \u202Etxt\"}");
        List<String> wrong = new ArrayList<>();
        for (String write : writes()) {
            String method = write.substring(0, write.indexOf(' '));
            String path = write.substring(write.indexOf(' ') + 1).replaceAll("\\{[^}]+}", ID);
            for (String body : bodies) {
                HttpResponse<String> answer = send(method, path, body, "application/json");
                String why = refusedAsAProblem(answer);
                if (why != null) {
                    wrong.add(write + " with " + abbreviated(body) + ": " + why);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(eventsOf(ID)).isEmpty();
    }

    @Test
    void a_chunked_body_beyond_the_limit_is_refused_as_too_large() throws Exception {
        String huge =
                "{\"facilityId\": \"hostile-chunked\", \"beneficiary\": {\"name\": \"" + "ب".repeat(400_000) + "\"}}";
        HttpRequest request = HttpRequest.newBuilder(uri("/api/facilities"))
                .header("Content-Type", "application/json")
                .header("Authorization", basic("admin"))
                // an InputStream publisher of unknown length: sent chunked, without Content-Length
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(problemType(answer)).isEqualTo("urn:rasad:problem:too-large");
        assertThat(eventsOf("hostile-chunked")).isEmpty();
    }

    @Test
    void headers_and_paths_that_cannot_be_read_are_problems_not_tomcat_pages_or_401() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String target : List.of(
                "/api/facilities/%00/closure",
                "/api/facilities/a%2Fb/closure",
                "/api/facilities/%FF%FE/closure",
                "/api/facilities/..%2F..%2Fadmin/closure",
                "/api/facilities/%2e%2e/closure",
                "/api/facilities/x;jsessionid=1/closure")) {
            String answer = raw("POST " + target + " HTTP/1.1", "{\"kind\": \"REPAID\", \"closedOn\": \"2025-06-01\"}");
            if (!answer.startsWith("HTTP/1.1 4")
                    || answer.startsWith("HTTP/1.1 401")
                    || !answer.contains("application/problem+json")) {
                wrong.add(target + " -> " + answer.lines().findFirst().orElse(""));
            }
        }
        HttpResponse<String> badReason = post(
                "admin",
                "/api/facilities/hostile-f/closure",
                "{\"kind\": \"RECALLED\", \"closedOn\": \"2025-06-01\"}",
                "X-Reason",
                "%E0%A4%A");
        if (refusedAsAProblem(badReason) != null) {
            wrong.add("X-Reason %E0%A4%A -> " + badReason.statusCode());
        }
        String longRequestId = raw(
                "POST /api/facilities/hostile-f/closure HTTP/1.1\r\nX-Request-Id: " + "r".repeat(9_000),
                "{\"kind\": \"REPAID\", \"closedOn\": \"2025-06-01\"}");
        if (!longRequestId.startsWith("HTTP/1.1 4") || !longRequestId.contains("application/problem+json")) {
            wrong.add("a 9,000-character X-Request-Id -> "
                    + longRequestId.lines().findFirst().orElse(""));
        }
        assertThat(wrong).isEmpty();
        assertThat(eventsOf("hostile-f")).hasSize(1);
    }

    @Test
    void broken_uploads_are_problems_not_500s() throws Exception {
        String boundary = "hostile-boundary";
        String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"%s\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n\u00ff\u00d8\u00ff photo bytes\r\n";
        List<String> bodies = List.of(
                part.formatted("photo.jpg"),
                part.formatted("photo\u0000.jpg") + "--" + boundary + "--\r\n",
                part.formatted("../../etc/passwd").replace("name=\"file\"", "name=\"other\"") + "--" + boundary
                        + "--\r\n",
                "--" + boundary + "--\r\n",
                "not multipart at all");
        List<String> wrong = new ArrayList<>();
        for (String body : bodies) {
            HttpResponse<String> answer =
                    send("POST", "/api/evidence", body, "multipart/form-data; boundary=" + boundary);
            String why = refusedAsAProblem(answer);
            if (why != null) {
                wrong.add(abbreviated(body.replace("\r\n", "⏎")) + ": " + why);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void an_id_used_by_another_kind_of_case_is_a_409_and_nothing_is_recorded() throws Exception {
        HttpResponse<String> finding = post(
                "admin",
                "/api/facilities/hostile-f/diversion-findings",
                "{\"findingId\": \"hostile-f\", \"observedOn\": \"2025-06-01\", \"finding\": \"a car was bought\"}");
        HttpResponse<String> visit = post(
                "admin",
                "/api/facilities/hostile-f/field-visits",
                "{\"visitId\": \"hostile-f\", \"deviceTime\": \"2025-06-01T08:00:00Z\", \"latitude\": 38.07,"
                        + " \"longitude\": 46.29, \"businessOperating\": true}");
        HttpResponse<String> sample = post(
                "admin",
                "/api/samples",
                "{\"sampleId\": \"hostile-f\", \"seed\": 7, \"defaultSize\": 1, \"inspectors\": [\"inspector\"],"
                        + " \"dueOn\": \"2025-12-01\", \"frame\": [{\"facilityId\": \"hostile-f\", \"county\": \"tabriz\","
                        + " \"programme\": \"HOME_BUSINESS\"}]}");

        for (HttpResponse<String> answer : List.of(finding, visit, sample)) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
            assertThat(JSON.readTree(answer.body()).at("/errors/0/rule").asText())
                    .isEqualTo("ID_IN_USE");
        }
        assertThat(eventsOf("hostile-f")).hasSize(1);
    }

    @Test
    void checks_findings_and_visits_of_a_facility_never_granted_are_404_naming_it() throws Exception {
        List<HttpResponse<String>> answers = List.of(
                post(
                        "admin",
                        "/api/facilities/never-granted/jobs/j-1/sms-checks",
                        "{\"outcome\": \"CONFIRMED\", \"at\": \"2025-06-10T08:00:00Z\"}"),
                post(
                        "admin",
                        "/api/facilities/never-granted/diversion-findings",
                        "{\"findingId\": \"hostile-finding\", \"observedOn\": \"2025-06-01\", \"finding\": \"closed\"}"),
                post(
                        "admin",
                        "/api/facilities/never-granted/field-visits",
                        "{\"visitId\": \"hostile-visit\", \"deviceTime\": \"2025-06-01T08:00:00Z\", \"latitude\": 38.07,"
                                + " \"longitude\": 46.29}"));
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(404);
            JsonNode problem = JSON.readTree(answer.body());
            assertThat(problem.at("/errors/0/field").asText()).isEqualTo("facilityId");
            assertThat(problem.at("/errors/0/rule").asText()).isEqualTo("FACILITY_UNKNOWN");
        }
        assertThat(eventsOf("never-granted/j-1")).isEmpty();
        assertThat(eventsOf("hostile-finding")).isEmpty();
        assertThat(eventsOf("hostile-visit")).isEmpty();
    }

    @Test
    void each_refused_value_is_named_by_its_own_field_and_rule() throws Exception {
        assertRefused(
                post(
                        "admin",
                        "/api/committee-sessions",
                        "{\"sessionId\": \"bad id!\", \"heldOn\": \"2025-05-01\","
                                + " \"plans\": [{\"planId\": \"p-1\", \"title\": \"t\", \"programme\": \"RURAL\", \"county\": \"tabriz\","
                                + " \"amountRials\": 10, \"committedJobs\": 1}]}"),
                "sessionId");
        assertRefused(
                post(
                        "admin",
                        "/api/committee-sessions",
                        "{\"sessionId\": \"s-1\", \"heldOn\": \"2025-05-01\"," + " \"plans\": [null]}"),
                "plans[0]",
                "NULL_NOT_ALLOWED");
        assertRefused(
                post(
                        "admin",
                        "/api/reference-data",
                        "{\"kind\": \"COUNTY\", \"code\": \"hostile-county\"," + " \"nameFa\": \"شهر\", \"nameEn\": \""
                                + "e".repeat(201) + "\"}"),
                "nameEn",
                "NAME_TOO_LONG");
        assertRefused(
                post(
                        "admin",
                        "/api/facilities/hostile-f/diversion-findings",
                        "{\"findingId\": \"bad id!\", \"observedOn\": \"2025-06-01\", \"finding\": \"x\"}"),
                "findingId");
        assertRefused(
                post(
                        "admin",
                        "/api/facilities/hostile-f/field-visits",
                        "{\"visitId\": \"v-1\", \"deviceTime\": \"2025-06-01T08:00:00Z\", \"latitude\": 38.07,"
                                + " \"longitude\": 46.29, \"photos\": [null]}"),
                "photos[0]",
                "NULL_NOT_ALLOWED");
        assertRefused(
                post(
                        "admin",
                        "/api/facilities/hostile-f/field-visits",
                        "{\"visitId\": \"v-1\", \"deviceTime\": \"2025-06-01T08:00:00Z\", \"latitude\": 38.07,"
                                + " \"longitude\": 46.29, \"jobsSeen\": {\"j-1\": null}}"),
                "jobsSeen.j-1",
                "NULL_NOT_ALLOWED");
        assertRefused(
                post(
                        "admin",
                        "/api/facilities/hostile-f/jobs/j-1/sms-checks",
                        "{\"outcome\": \"CONFIRMED\", \"at\": \"+999999999-12-31T23:59:59Z\"}"),
                "at",
                "DATE_OUT_OF_RANGE");
        assertRefused(
                post(
                        "admin",
                        "/api/facilities/hostile-f/jobs/j-1/sms-checks",
                        "{\"outcome\": \"CONFIRMED\", \"at\": 1717000000}"),
                "at",
                "TYPE_MISMATCH");
        assertRefused(
                post(
                        "admin",
                        "/api/facilities/hostile-f/tranches",
                        "{\"trancheId\": \"t-1\", \"amountRials\": 1.5, \"paidOn\": \"2025-06-01\"}"),
                "amountRials",
                "WHOLE_NUMBER");
        assertRefused(
                post(
                        "admin",
                        "/api/facilities/hostile-f/tranches",
                        "{\"trancheId\": \"t-1\", \"amountRials\": 100000000000000000000, \"paidOn\": \"2025-06-01\"}"),
                "amountRials",
                "NUMBER_OUT_OF_RANGE");
        assertRefused(
                post(
                        "admin",
                        "/api/facilities/hostile-f/tranches",
                        "{\"trancheId\": \"t-1\", \"amountRials\": 10, \"paidOn\": \"2999-01-01\"}"),
                "paidOn",
                "DATE_OUT_OF_RANGE");
        assertRefused(
                post(
                        "admin",
                        "/api/facilities/hostile-f/tranches",
                        "{\"trancheId\": \"t-1\", \"amountRials\": 10, \"paidOn\": 20250501}"),
                "paidOn",
                "TYPE_MISMATCH");
        assertRefused(
                post("admin", "/api/facilities", grant("hostile-g", "\"1900-01-01\"")),
                "grantedOn",
                "DATE_OUT_OF_RANGE");
        assertRefused(
                post(
                        "admin",
                        "/api/facilities",
                        grant("hostile-g", "\"2025-05-01\"")
                                .replace("\"committedJobs\": 2", "\"committedJobs\": 2.999")),
                "committedJobs",
                "WHOLE_NUMBER");
        assertRefused(
                post(
                        "admin",
                        "/api/facilities/hostile-f/jobs",
                        "{\"jobId\": \"j-9\", \"nationalId\": \"0499370899\"," + " \"occupation\": \""
                                + "t".repeat(200_000) + "\", \"startedOn\": \"2025-06-01\"}"),
                "occupation",
                "TEXT_TOO_LONG");
        assertRefused(
                post(
                        "admin",
                        "/api/facilities/hostile-f/jobs",
                        "{\"jobId\": \"j-9\", \"nationalId\": \"0499370899\","
                                + " \"occupation\": \"tailor\\u0000\", \"startedOn\": \"2025-06-01\"}"),
                "occupation",
                "CONTROL_CHARACTER");
        assertRefused(
                post(
                        "manager",
                        "/api/alerts/r1.hostile-f/assignment",
                        "{\"inspector\": \"nobody\", \"visitDueOn\": \"2025-12-01\"}"),
                "inspector",
                "UNKNOWN_INSPECTOR");

        assertRefused(
                post(
                        "admin",
                        "/api/facilities",
                        grant("hostile-g", "\"2025-05-01\"").replace("3000000000", String.valueOf(Long.MAX_VALUE))),
                "amountRials",
                "AMOUNT_TOO_LARGE");
        for (String horizon : List.of("garbage", "-PT1H", "P0D", "P1D")) {
            assertRefused(
                    post(
                            "admin",
                            "/api/people/0499370899/jobs/j-1/follow-ups",
                            "{\"horizon\": \"" + horizon + "\", \"outcome\": \"STILL_ACTIVE\"}"),
                    "horizon",
                    "HORIZON_UNKNOWN");
        }
        assertRefused(
                post(
                        "manager",
                        "/api/alerts/r1.hostile-f/notes",
                        "{\"noteId\": \"../../etc/passwd\", \"note\": \"x\"}"),
                "noteId",
                "NOTE_ID_FORMAT");

        assertThat(eventsOf("hostile-f")).hasSize(1);
        assertThat(eventsOf("hostile-g")).isEmpty();
        assertThat(eventsOf("s-1")).isEmpty();
        assertThat(eventsOf("0499370899")).isEmpty();
    }

    @Test
    void a_retired_code_takes_no_new_grant_yet_a_grant_recorded_before_answers_its_retry() throws Exception {
        HttpResponse<String> added = post(
                "admin",
                "/api/reference-data",
                "{\"kind\": \"COUNTY\","
                        + " \"code\": \"hostile-retired\", \"nameFa\": \"شهر\", \"nameEn\": \"Retired\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        String before =
                grant("hostile-before-retirement", "\"2025-05-01\"").replace("\"tabriz\"", "\"hostile-retired\"");
        assertThat(post("admin", "/api/facilities", before).statusCode()).isEqualTo(201);
        HttpResponse<String> retired = post(
                "admin",
                "/api/reference-data/COUNTY/hostile-retired/retirement",
                "{\"reason\": \"merged into another county\"}");
        assertThat(retired.statusCode()).as(retired.body()).isEqualTo(204);

        assertRefused(
                post(
                        "admin",
                        "/api/facilities",
                        grant("hostile-after-retirement", "\"2025-05-01\"")
                                .replace("\"tabriz\"", "\"hostile-retired\"")),
                "county",
                "REFERENCE_CODE_RETIRED");
        assertThat(post("admin", "/api/facilities", before).statusCode()).isIn(200, 201);
        assertThat(eventsOf("hostile-after-retirement")).isEmpty();
        assertThat(eventsOf("hostile-before-retirement")).hasSize(1);
    }

    @Test
    void a_grant_typed_as_people_type_it_is_recorded() throws Exception {
        HttpResponse<String> persian = post(
                "admin",
                "/api/facilities",
                grant("hostile-persian", "\"۱۴۰۴/۰۲/۱۱\"").replace("0499370899", "۰۴۹۹-۳۷۰۸۹۹"));

        assertThat(persian.statusCode()).as(persian.body()).isEqualTo(201);
        assertThat(eventsOf("hostile-persian")).hasSize(1);
        assertThat(eventsOf("hostile-persian").get(0).getPayload().toString()).contains("2025-05-01", "0499370899");
    }

    private void assertRefused(HttpResponse<String> answer, String field, String... rule) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode errors = JSON.readTree(answer.body()).get("errors");
        assertThat(errors).as(answer.body()).isNotNull();
        assertThat(errors.get(0).get("field").asText()).as(answer.body()).isEqualTo(field);
        if (rule.length > 0) {
            assertThat(errors.get(0).get("rule").asText()).as(answer.body()).isEqualTo(rule[0]);
        }
    }

    private static String grant(String facilityId, String grantedOn) {
        return """
                {"facilityId": "%s",
                 "beneficiary": {"nationalId": "0499370899", "name": "مریم احمدی"},
                 "programme": "HOME_BUSINESS", "bank": "bank-melli", "agency": "relief-committee", "county": "tabriz",
                 "amountRials": 3000000000, "committedJobs": 2, "grantedOn": %s}
                """.formatted(facilityId, grantedOn);
    }

    /** Null when the answer is a refusal in problem details; else what is wrong with it. */
    private static String refusedAsAProblem(HttpResponse<String> answer) {
        int status = answer.statusCode();
        if (status < 400 || status >= 500 || status == 401) {
            return "answered " + status + " " + abbreviated(answer.body());
        }
        if (!answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return "answered " + status + " as "
                    + answer.headers().firstValue("Content-Type").orElse("nothing");
        }
        try {
            JsonNode problem = JSON.readTree(answer.body());
            return problem.hasNonNull("type") && problem.get("status").asInt() == status
                    ? null
                    : "a problem without its type or status: " + abbreviated(answer.body());
        } catch (Exception unreadable) {
            return "a body that is not JSON: " + abbreviated(answer.body());
        }
    }

    private TreeSet<String> writes() {
        TreeSet<String> writes = new TreeSet<>();
        mappings.getHandlerMethods().forEach((mapping, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("rasad.")
                    || ErrorController.class.isAssignableFrom(handler.getBeanType())) {
                return;
            }
            mapping.getMethodsCondition().getMethods().stream()
                    .filter(method -> method == RequestMethod.POST || method == RequestMethod.PUT)
                    .forEach(method ->
                            mapping.getPatternValues().forEach(pattern -> writes.add(method + " " + pattern)));
        });
        assertThat(writes).hasSizeGreaterThan(15);
        return writes;
    }

    private HttpResponse<String> send(String method, String path, String body, String contentType) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .header("Authorization", basic("admin"))
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Over a socket: Java's HTTP client refuses to send the paths and headers an attacker would. */
    private String raw(String requestLineAndHeaders, String body) throws Exception {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLineAndHeaders + "\r\nHost: 127.0.0.1\r\nAuthorization: " + basic("admin")
                            + "\r\nContent-Type: application/json\r\nContent-Length: " + content.length
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    private static String problemType(HttpResponse<String> answer) throws Exception {
        return JSON.readTree(answer.body()).path("type").asText();
    }

    private static String abbreviated(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…(" + text.length() + " characters)";
    }
}
