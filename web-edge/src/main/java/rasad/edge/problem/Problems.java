package rasad.edge.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem details as Rasad writes them: a stable type, a title, and the fields named where any. */
public final class Problems {

    private Problems() {}

    public static ProblemDetail of(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail invalid(List<FieldError> errors) {
        ProblemDetail problem =
                of(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_INPUT, "Invalid input", describe(errors));
        problem.setProperty("errors", errors);
        return problem;
    }

    /** Outside Spring MVC (filters, the servlet container): written straight to the response. */
    public static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    private static String describe(List<FieldError> errors) {
        Map<String, String> byField = errors.stream()
                .collect(Collectors.toMap(
                        e -> e.field() == null ? "request" : e.field(),
                        FieldError::rule,
                        (a, b) -> a + ", " + b,
                        LinkedHashMap::new));
        return byField.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; "));
    }
}
