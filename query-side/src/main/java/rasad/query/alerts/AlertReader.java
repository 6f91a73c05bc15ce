package rasad.query.alerts;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is asking for alerts. Managers, auditors and admins read every alert; an inspector reads only the
 * episodes assigned to them, since an alert names a suspicion about a beneficiary and a bank; anyone else,
 * none (a bank officer or an agency clerk may be the very subject of one).
 */
record AlertReader(String name, boolean inspector) {

    private static final Set<String> READ_ALL = Set.of("ROLE_MANAGER", "ROLE_AUDITOR", "ROLE_ADMIN");

    /** The signed-in reader, if their role may read alerts at all. */
    static Optional<AlertReader> current() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null) {
            return Optional.empty();
        }
        Set<String> roles = user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        if (roles.stream().anyMatch(READ_ALL::contains)) {
            return Optional.of(new AlertReader(user.getName(), false));
        }
        if (roles.contains("ROLE_INSPECTOR")) {
            return Optional.of(new AlertReader(user.getName(), true));
        }
        return Optional.empty();
    }

    static AlertReader required() {
        return current()
                .orElseThrow(() -> new AccessDeniedException(
                        "alerts are for managers, auditors, admins " + "and the inspectors assigned to them"));
    }

    /** An inspector's filter is narrowed to their own assignments; naming another inspector is refused. */
    AlertFilter narrow(AlertFilter filter) {
        if (!inspector) {
            return filter;
        }
        if (filter.inspector() != null && !filter.inspector().equals(name)) {
            throw new AccessDeniedException("an inspector sees the alerts assigned to them");
        }
        return filter.withInspector(name);
    }

    boolean maySee(AlertEpisode episode) {
        return !inspector || name.equals(episode.inspector());
    }
}
