package rasad.edge.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import rasad.edge.problem.ProblemTypes;
import rasad.edge.problem.Problems;

/** The answer to a request past a limit: 429 in problem details, and when to try again (Retry-After, seconds). */
final class TooManyRequests {

    private TooManyRequests() {}

    static void write(HttpServletResponse response, ObjectMapper json, String rule, Duration wait) throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.setHeader("Retry-After", Long.toString(seconds));
        var problem = Problems.of(
                HttpStatus.TOO_MANY_REQUESTS,
                ProblemTypes.TOO_MANY_REQUESTS,
                "Too many requests",
                rule + "; try again in " + seconds + " s");
        problem.setProperty("rule", "RATE_LIMITED");
        problem.setProperty("retryAfterSeconds", seconds);
        Problems.write(response, json, problem);
    }
}
