package rasad.web.signin;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/**
 * The person's role, from the {@code role} claim of their ID token, as {@code ROLE_MANAGER} and the like: the
 * pages show each role its own menu. The APIs decide what anyone may do; this only spares people links that
 * would answer 403.
 */
final class Roles implements GrantedAuthoritiesMapper {

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> granted) {
        Set<GrantedAuthority> mapped = new HashSet<>(granted);
        for (GrantedAuthority authority : granted) {
            if (authority instanceof OidcUserAuthority oidc) {
                Object role = oidc.getIdToken().getClaims().get("role");
                if (role instanceof String name && !name.isBlank()) {
                    mapped.add(new SimpleGrantedAuthority(authorityOf(name)));
                }
            }
        }
        return mapped;
    }

    static String authorityOf(String role) {
        return "ROLE_" + role.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
