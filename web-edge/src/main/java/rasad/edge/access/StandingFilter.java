package rasad.edge.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/** After sign-in, before any rule: a retired person's request is a 401, as a wrong password is. */
final class StandingFilter extends OncePerRequestFilter {

    private final Standing standing;
    private final AuthenticationEntryPoint unauthenticated;

    StandingFilter(Standing standing, AuthenticationEntryPoint unauthenticated) {
        this.standing = standing;
        this.unauthenticated = unauthenticated;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null && signedIn.getPrincipal() instanceof RasadUser user) {
            Optional<String> refusal = standing.refusal(user);
            if (refusal.isPresent()) {
                SecurityContextHolder.clearContext();
                unauthenticated.commence(request, response, new Refused(refusal.get()));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Signed in, but no longer in good standing on the staff register. */
    static final class Refused extends AuthenticationException {
        Refused(String why) {
            super(why);
        }
    }
}
