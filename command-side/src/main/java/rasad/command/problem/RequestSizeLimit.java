package rasad.command.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import rasad.kernel.validation.ProblemTypes;

/**
 * Every command endpoint takes bodies up to a limit (256 KiB by default: a committee session of 1,000 plans
 * fits; photos are uploaded elsewhere). A larger declared body is refused with 413 before it is read.
 */
@Component
class RequestSizeLimit extends OncePerRequestFilter {

    private final long maxBytes;
    private final long maxEvidenceBytes;
    private final ObjectMapper json;

    RequestSizeLimit(@Value("${rasad.api.max-request-bytes:262144}") long maxBytes,
                     @Value("${rasad.api.max-evidence-bytes:10485760}") long maxEvidenceBytes, ObjectMapper json) {
        this.maxBytes = maxBytes;
        this.maxEvidenceBytes = maxEvidenceBytes;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // photos and documents have their own, larger limit
        long limit = request.getRequestURI().startsWith("/api/evidence") ? maxEvidenceBytes : maxBytes;
        if (request.getContentLengthLong() > limit) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                    "a request body here is at most " + limit + " bytes");
            problem.setType(ProblemTypes.TOO_LARGE);
            problem.setTitle("Request too large");
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        chain.doFilter(request, response);
    }
}
