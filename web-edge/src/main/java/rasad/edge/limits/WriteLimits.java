package rasad.edge.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Writes per user and per address, each within its allowance ({@code rasad.limits.writes-per-*}): past it a
 * write is a 429 with Retry-After, before it reaches any command, so that nothing of it is recorded. Reads are
 * not limited here.
 */
public final class WriteLimits extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Buckets users;
    private final Buckets addresses;
    private final LimitsProperties limits;
    private final ObjectMapper json;

    public WriteLimits(LimitsProperties limits, ObjectMapper json) {
        this.limits = limits;
        this.json = json;
        this.users = Buckets.refilledSteadily(limits.writesPerUser());
        this.addresses = Buckets.refilledSteadily(limits.writesPerAddress());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return READS.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null && signedIn.isAuthenticated() && !(signedIn instanceof AnonymousAuthenticationToken)) {
            ConsumptionProbe user = users.of(signedIn.getName()).tryConsumeAndReturnRemaining(1);
            if (!user.isConsumed()) {
                refuse(response, signedIn.getName() + " made more than " + limits.writesPerUser() + " writes", user);
                return;
            }
        }
        ConsumptionProbe address = addresses.of(request.getRemoteAddr()).tryConsumeAndReturnRemaining(1);
        if (!address.isConsumed()) {
            refuse(response, "this address made more than " + limits.writesPerAddress() + " writes", address);
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletResponse response, String rule, ConsumptionProbe probe) throws IOException {
        TooManyRequests.write(response, json, rule, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
