package rasad.web.apis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A read the query side refused (a filter out of range, a page it does not have, a case that is not the
 * reader's) shown as that refusal, with its status and reason, instead of an error page that says nothing.
 */
@ControllerAdvice
class RefusedReads {

    private final ObjectMapper json;

    RefusedReads(ObjectMapper json) {
        this.json = json;
    }

    @ExceptionHandler(HttpClientErrorException.class)
    ModelAndView refused(HttpClientErrorException refusal) {
        ModelAndView page = new ModelAndView("refused");
        page.setStatus(HttpStatus.valueOf(refusal.getStatusCode().value()));
        page.addObject("outcome", Outcome.refused(refusal.getStatusCode().value(), problem(refusal)));
        return page;
    }

    private JsonNode problem(HttpClientErrorException refusal) {
        try {
            return json.readTree(refusal.getResponseBodyAsByteArray());
        } catch (IOException notJson) {
            return json.createObjectNode().put("detail", refusal.getStatusText());
        }
    }
}
