package rasad.edge.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import rasad.edge.problem.ProblemTypes;
import rasad.edge.problem.Problems;

/**
 * Missing or wrong credentials: 401 as problem details, with a challenge for each way in that is on — a bearer
 * token from the identity provider, and HTTP Basic where password users (the demo users) are on.
 */
class ProblemEntryPoint implements AuthenticationEntryPoint {

    private final ObjectMapper json;
    private final boolean tokens;
    private final boolean basic;

    ProblemEntryPoint(ObjectMapper json, boolean tokens, boolean basic) {
        this.json = json;
        this.tokens = tokens;
        this.basic = basic;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        boolean badToken = failure instanceof InvalidBearerTokenException;
        List<String> ways = new ArrayList<>();
        if (tokens) {
            // RFC 6750: a client told its token is invalid fetches a new one instead of asking the person again
            response.addHeader(
                    "WWW-Authenticate",
                    badToken ? "Bearer realm=\"Rasad\", error=\"invalid_token\"" : "Bearer realm=\"Rasad\"");
            ways.add("a bearer token from Rasad's identity provider");
        }
        if (basic) {
            response.addHeader("WWW-Authenticate", "Basic realm=\"Rasad\", charset=\"UTF-8\"");
            ways.add("HTTP Basic credentials");
        }
        String detail = badToken
                ? "the bearer token was refused: " + failure.getMessage()
                : failure instanceof StandingFilter.Refused standing
                        ? standing.getMessage()
                        : ways.isEmpty()
                                ? "no way to sign in is configured"
                                : "sign in with " + String.join(" or ", ways);
        Problems.write(
                response,
                json,
                Problems.of(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, "Unauthenticated", detail));
    }
}
