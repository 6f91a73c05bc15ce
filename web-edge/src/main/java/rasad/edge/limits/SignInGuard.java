package rasad.edge.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Before a password is checked: an account or an address locked out by failed sign-ins is refused at once, the
 * right password included, and told when to try again. What counts as a sign-in, and how to refuse one, is the
 * edge's: HTTP Basic answered in problem details on the sides, the login form sent back on the provider.
 */
public final class SignInGuard extends OncePerRequestFilter {

    /** How a locked-out sign-in is answered. */
    @FunctionalInterface
    public interface Refusal {
        void refuse(HttpServletRequest request, HttpServletResponse response, String rule, Duration wait)
                throws IOException;
    }

    private final SignInLockout lockout;
    private final Function<HttpServletRequest, Optional<String>> accountTried;
    private final Refusal refusal;

    public SignInGuard(
            SignInLockout lockout, Function<HttpServletRequest, Optional<String>> accountTried, Refusal refusal) {
        this.lockout = lockout;
        this.accountTried = accountTried;
        this.refusal = refusal;
    }

    /** A 429 in problem details, with Retry-After. */
    public static Refusal inProblemDetails(ObjectMapper json) {
        return (request, response, rule, wait) -> TooManyRequests.write(response, json, rule, wait);
    }

    /** The account an HTTP Basic request signs in as, if it carries credentials. */
    public static Optional<String> basicAccount(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String credentials =
                    new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = credentials.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(credentials.substring(0, colon));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty(); // Spring Security's own filter refuses it
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> account = accountTried.apply(request);
        if (account.isPresent()) {
            Optional<Duration> addressWait = lockout.addressLocked(request.getRemoteAddr());
            if (addressWait.isPresent()) {
                refusal.refuse(request, response, lockout.addressRule(), addressWait.get());
                return;
            }
            Optional<Duration> accountWait = lockout.accountLocked(account.get());
            if (accountWait.isPresent()) {
                refusal.refuse(request, response, account.get() + " is " + lockout.accountRule(), accountWait.get());
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
