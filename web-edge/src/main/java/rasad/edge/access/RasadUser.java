package rasad.edge.access;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import rasad.kernel.audit.Role;

/** An authenticated person: the role they act in and the organisation they act for go into every event. */
public class RasadUser extends User {

    private final Role role;
    private final String onBehalfOf;

    public RasadUser(String name, String passwordHash, Role role, String onBehalfOf) {
        super(name, passwordHash, List.of(new SimpleGrantedAuthority("ROLE_" + role.name())));
        this.role = role;
        this.onBehalfOf = onBehalfOf;
    }

    /** The same person with their credentials, for one authentication (which erases them afterwards). */
    public RasadUser copy() {
        return new RasadUser(getUsername(), getPassword(), role, onBehalfOf);
    }

    /** The user of the request being handled. */
    public static RasadUser current() {
        return (RasadUser)
                SecurityContextHolder.getContext().getAuthentication().getPrincipal();
    }

    public Role role() {
        return role;
    }

    public String onBehalfOf() {
        return onBehalfOf;
    }
}
