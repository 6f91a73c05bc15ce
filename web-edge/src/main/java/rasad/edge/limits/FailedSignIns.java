package rasad.edge.limits;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Tells the lockout of each password sign-in Spring Security reports: a wrong password (or an unknown name)
 * counts against the account and the address it came from; a right one clears the account. Bearer tokens are
 * not sign-ins: a bad one is refused on its own and counts for nothing here.
 */
public class FailedSignIns {

    private final SignInLockout lockout;

    public FailedSignIns(SignInLockout lockout) {
        this.lockout = lockout;
    }

    @EventListener
    public void on(AuthenticationFailureBadCredentialsEvent failure) {
        if (failure.getAuthentication() instanceof UsernamePasswordAuthenticationToken attempt) {
            lockout.failed(attempt.getName(), address(attempt.getDetails()));
        }
    }

    @EventListener
    public void on(AuthenticationSuccessEvent success) {
        if (success.getAuthentication() instanceof UsernamePasswordAuthenticationToken signedIn) {
            lockout.succeeded(signedIn.getName());
        }
    }

    private static String address(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }
}
