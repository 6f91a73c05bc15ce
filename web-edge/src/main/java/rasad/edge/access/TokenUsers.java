package rasad.edge.access;

import java.util.Collection;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import rasad.kernel.audit.Role;

/**
 * A person or a machine as their token says: who (preferred_username, else sub), the role they act in
 * ({@code role}, a Rasad role code) and the organisation they act for — {@code on_behalf_of}, else their
 * {@code bank}, {@code agency} or {@code province}. An inspector's county is the staff register's, kept as
 * one list with the accounts. A token without a Rasad role is refused, as a wrong password is.
 */
final class TokenUsers implements Converter<Jwt, AbstractAuthenticationToken> {

    static final String ROLE = "role";

    @Override
    public AbstractAuthenticationToken convert(Jwt token) {
        String name = first(token, "preferred_username", "sub");
        if (name == null) {
            throw new InvalidBearerTokenException("the token names no one (no preferred_username, no sub)");
        }
        String roleCode = token.getClaimAsString(ROLE);
        Role role;
        try {
            role = Role.fromCode(roleCode);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidBearerTokenException("the token's role claim is not a Rasad role: " + roleCode);
        }
        String onBehalfOf = first(token, "on_behalf_of", "bank", "agency", "province");
        return new Signed(new RasadUser(name, "", role, onBehalfOf), token);
    }

    private static String first(Jwt token, String... claims) {
        for (String claim : claims) {
            String value = token.getClaimAsString(claim);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** Authenticated by a verified token: the principal is the Rasad user, as for a password user. */
    static final class Signed extends AbstractAuthenticationToken {

        private final RasadUser user;
        private final transient Jwt token;

        Signed(RasadUser user, Jwt token) {
            super(List.copyOf((Collection<? extends GrantedAuthority>) user.getAuthorities()));
            this.user = user;
            this.token = token;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return token;
        }

        @Override
        public Object getPrincipal() {
            return user;
        }

        @Override
        public String getName() {
            return user.getUsername();
        }
    }
}
