package rasad.edge.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the servlet container forwards to {@code /error} (a failure in a filter, an error status sent before
 * Spring MVC answered) as problem details, in place of Spring Boot's own error body.
 */
@RestController
public class ErrorProblems implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorProblems.class);

    @RequestMapping(
            path = "/error",
            produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // asked for by name, not forwarded by the container after a failure: there is nothing here
        HttpStatus status = code == null
                ? HttpStatus.NOT_FOUND
                : code instanceof Integer value && HttpStatus.resolve(value) != null
                        ? HttpStatus.valueOf(value)
                        : HttpStatus.INTERNAL_SERVER_ERROR;
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof Throwable thrown) {
            if (EdgeProblems.causeOf(thrown, BodyLimit.BodyTooLargeException.class)
                    .isPresent()) {
                return answer(BodyLimit.tooLarge(EdgeProblems.causeOf(thrown, BodyLimit.BodyTooLargeException.class)
                        .get()
                        .limit()));
            }
            if (status.is5xxServerError()) {
                log.error("Unexpected failure before a controller answered", thrown);
            }
        }
        ProblemDetail problem = switch (status) {
            case UNAUTHORIZED ->
                Problems.of(
                        status, ProblemTypes.UNAUTHENTICATED, "Unauthenticated", "sign in with HTTP Basic credentials");
            case FORBIDDEN -> Problems.of(status, ProblemTypes.FORBIDDEN, "Forbidden", "your role may not do this");
            case NOT_FOUND -> Problems.of(status, ProblemTypes.NOT_FOUND, "Not found", "nothing is served here");
            case PAYLOAD_TOO_LARGE ->
                Problems.of(
                        status,
                        ProblemTypes.TOO_LARGE,
                        "Request too large",
                        "the request is larger than this endpoint takes");
            default ->
                status.is4xxClientError()
                        ? Problems.of(
                                status,
                                ProblemTypes.MALFORMED_REQUEST,
                                "Malformed request",
                                "the request cannot be read as sent")
                        : Problems.of(
                                status,
                                ProblemTypes.INTERNAL,
                                "Internal error",
                                "Rasad could not complete the request; retrying with the same ids is safe");
        };
        return answer(problem);
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
