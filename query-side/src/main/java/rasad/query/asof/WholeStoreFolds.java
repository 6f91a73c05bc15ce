package rasad.query.asof;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import rasad.edge.problem.BusyException;

/**
 * Reports as of an instant that fold the whole store (the dashboard, the alert list) cost in proportion to the
 * store, so they are for those who report and audit — managers, auditors, admins — and one runs at a time on an
 * instance; another waits a little, then is asked to come back.
 */
@Component
public class WholeStoreFolds {

    private static final Set<String> REPORTERS = Set.of("ROLE_MANAGER", "ROLE_AUDITOR", "ROLE_ADMIN");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Semaphore one = new Semaphore(1);

    public <T> T run(Supplier<T> fold) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null
                || user.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .noneMatch(REPORTERS::contains)) {
            throw new AccessDeniedException("reports as of an instant are for managers, auditors and admins");
        }
        try {
            if (!one.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new BusyException("another report as of an instant is being folded on this instance; retry");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new BusyException("interrupted while waiting for another report as of an instant");
        }
        try {
            return fold.get();
        } finally {
            one.release();
        }
    }
}
