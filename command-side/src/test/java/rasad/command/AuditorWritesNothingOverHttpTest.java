package rasad.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * An auditor reads everything and writes nothing: every writing endpoint of the command API, found from the
 * application's own mappings (so that a new one is covered the day it is added), refuses them.
 */
class AuditorWritesNothingOverHttpTest extends CommandApiTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void every_writing_endpoint_refuses_an_auditor() throws Exception {
        List<String> writes = new ArrayList<>();
        mappings.getHandlerMethods().forEach((mapping, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("rasad.")
                    || ErrorController.class.isAssignableFrom(handler.getBeanType())) {
                return; // the error page writes nothing
            }
            // a mapping that names no method answers every method: it is tried as a POST
            var methods = mapping.getMethodsCondition().getMethods().isEmpty()
                    ? Set.of(RequestMethod.POST)
                    : mapping.getMethodsCondition().getMethods();
            methods.stream()
                    .filter(method -> method != RequestMethod.GET
                            && method != RequestMethod.HEAD
                            && method != RequestMethod.OPTIONS)
                    .forEach(method ->
                            mapping.getPatternValues().forEach(pattern -> writes.add(method + " " + pattern)));
        });
        assertThat(writes).as("the command API's writing endpoints").hasSizeGreaterThan(10);

        List<String> allowed = new ArrayList<>();
        for (String write : writes) {
            String method = write.substring(0, write.indexOf(' '));
            String path = write.substring(write.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "x-1");
            HttpResponse<String> answer = send(method, path);
            if (answer.statusCode() != 403) {
                allowed.add(write + " answered " + answer.statusCode());
            }
        }
        assertThat(allowed).as("writes an auditor was not refused").isEmpty();
        assertThat(eventStore.readEvents("x-1").asStream().count()).isZero();
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        String boundary = "rasad-test";
        boolean upload = path.startsWith("/api/evidence");
        String body = upload
                ? "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\""
                        + "\r\nContent-Type: image/jpeg\r\n\r\nbytes\r\n--" + boundary + "--\r\n"
                : "{}";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", upload ? "multipart/form-data; boundary=" + boundary : "application/json")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString("auditor:auditor".getBytes(StandardCharsets.UTF_8)))
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
