package rasad.edge.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import rasad.edge.problem.ProblemTypes;
import rasad.edge.problem.Problems;

/** Missing or wrong credentials: 401 with the Basic challenge, as problem details. */
class ProblemEntryPoint implements AuthenticationEntryPoint {

    private final ObjectMapper json;

    ProblemEntryPoint(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Rasad\", charset=\"UTF-8\"");
        Problems.write(
                response,
                json,
                Problems.of(
                        HttpStatus.UNAUTHORIZED,
                        ProblemTypes.UNAUTHENTICATED,
                        "Unauthenticated",
                        "sign in with HTTP Basic credentials"));
    }
}
