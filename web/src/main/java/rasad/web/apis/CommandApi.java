package rasad.web.apis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The command side as a form sends to it: each answer is an {@link Outcome}, a refusal carried back to the
 * page with the fields and rules it names, never an exception the person would see as an error page.
 */
public class CommandApi {

    private final RestClient http;
    private final ObjectMapper json;

    CommandApi(RestClient http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    public Outcome post(String path, Object body) {
        return send(http.post(), path, body);
    }

    public Outcome put(String path, Object body) {
        return send(http.put(), path, body);
    }

    /** A read the command side answers itself (the alert rules in effect, as its rules have read the store). */
    public JsonNode get(String path) {
        return http.get().uri(path).retrieve().body(JsonNode.class);
    }

    private Outcome send(RestClient.RequestBodyUriSpec method, String path, Object body) {
        return method.uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange((request, response) -> {
                    if (response.getStatusCode().is2xxSuccessful()) {
                        return Outcome.done();
                    }
                    return Outcome.refused(
                            response.getStatusCode().value(),
                            problem(response.getBody().readAllBytes()));
                });
    }

    private JsonNode problem(byte[] body) {
        try {
            return json.readTree(body);
        } catch (IOException notJson) {
            return json.createObjectNode().put("detail", new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
