package rasad.web.apis;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.web.client.RestClient;

/** The query side's answers the pages show, as JSON trees: the pages read figures, they own no model of them. */
public class QueryApi {

    private final RestClient http;

    QueryApi(RestClient http) {
        this.http = http;
    }

    /** The province dashboard of a fiscal year, months 1 to {@code toMonth}. */
    public JsonNode dashboard(int fiscalYear, int toMonth) {
        return http.get()
                .uri("/api/dashboard/{year}?toMonth={month}", fiscalYear, toMonth)
                .retrieve()
                .body(JsonNode.class);
    }
}
