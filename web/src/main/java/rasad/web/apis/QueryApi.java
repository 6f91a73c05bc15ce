package rasad.web.apis;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/** The query side's answers the pages show, as JSON trees: the pages read figures, they own no model of them. */
public class QueryApi {

    private final RestClient http;

    QueryApi(RestClient http) {
        this.http = http;
    }

    /** The province dashboard of a fiscal year, months 1 to {@code toMonth}. */
    public JsonNode dashboard(int fiscalYear, int toMonth) {
        return get("/api/dashboard/" + fiscalYear, Map.of("toMonth", toMonth));
    }

    /** Any read, its parameters left out where blank: a page's filters are often empty. */
    public JsonNode get(String path, Map<String, ?> parameters) {
        return http.get()
                .uri(builder -> uri(builder, path, parameters))
                .retrieve()
                .body(JsonNode.class);
    }

    /** A read's bytes as the query side sent them: an export. */
    public byte[] bytes(String path, Map<String, ?> parameters) {
        return http.get()
                .uri(builder -> uri(builder, path, parameters))
                .retrieve()
                .body(byte[].class);
    }

    /**
     * An action the query side takes without recording an event (a verification of the store): its answer, or
     * the refusal thrown as the reads' are, and shown as they are.
     */
    public JsonNode post(String path, Object body) {
        return http.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(JsonNode.class);
    }

    private static URI uri(UriBuilder builder, String path, Map<String, ?> parameters) {
        return with(builder.path(path), parameters).build();
    }

    private static UriBuilder with(UriBuilder builder, Map<String, ?> parameters) {
        parameters.forEach((name, value) -> {
            if (value != null && !value.toString().isBlank()) {
                builder.queryParam(name, value);
            }
        });
        return builder;
    }
}
