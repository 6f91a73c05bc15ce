package rasad.command.sampling;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import rasad.edge.access.RasadUser;
import rasad.kernel.audit.Role;

/**
 * Who may be sent on a field visit: a user who signs in as an inspector. A visit assigned to anyone else
 * could never be recorded, since only the assigned inspector may record it.
 */
@Component
public class Inspectors {

    private final UserDetailsService users;

    Inspectors(UserDetailsService users) {
        this.users = users;
    }

    public boolean isInspector(String name) {
        try {
            return users.loadUserByUsername(name) instanceof RasadUser user && user.role() == Role.INSPECTOR;
        } catch (UsernameNotFoundException unknown) {
            return false;
        }
    }
}
