package rasad.edge.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import rasad.edge.problem.ProblemTypes;
import rasad.edge.problem.Problems;

/** A request the firewall will not route (an encoded slash, dot segment or NUL in its path): 400. */
class RejectedRequests implements RequestRejectedHandler {

    private final ObjectMapper json;
    private final RequestRejectedHandler fallback;

    RejectedRequests(ObjectMapper json, RequestRejectedHandler fallback) {
        this.json = json;
        this.fallback = fallback;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException, ServletException {
        if (response.isCommitted()) {
            fallback.handle(request, response, rejected);
            return;
        }
        Problems.write(
                response,
                json,
                Problems.of(
                        HttpStatus.BAD_REQUEST,
                        ProblemTypes.MALFORMED_REQUEST,
                        "Malformed request",
                        "the request's path or headers cannot be routed: " + rejected.getMessage()));
    }
}
