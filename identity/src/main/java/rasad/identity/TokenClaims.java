package rasad.identity;

import java.util.List;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import rasad.identity.accounts.Accounts;
import rasad.identity.accounts.People;
import rasad.identity.clients.RegisteredClients;
import rasad.kernel.audit.Role;

/**
 * What a token says, in the claims both sides read (docs/operations.md, "Signing in"): who
 * ({@code preferred_username}), in which role, for which organisation, and an inspector's county, a bank
 * officer's bank, an agency clerk's agency. Access tokens are for Rasad's audience. A person no longer on the
 * list gets no new token, not even from a refresh token issued before.
 */
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final People people;
    private final String audience;

    TokenClaims(People people, String audience) {
        this.people = people;
        this.audience = audience;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean access = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean id = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!access && !id) {
            return;
        }
        JwtClaimsSet.Builder claims = context.getClaims();
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            RegisteredClient machine = context.getRegisteredClient();
            claims.claim("preferred_username", machine.getClientId());
            claims.claim("role", machine.getClientSettings().<String>getSetting(RegisteredClients.ROLE));
            String onBehalfOf = machine.getClientSettings().getSetting(RegisteredClients.ON_BEHALF_OF);
            if (onBehalfOf != null) {
                claims.claim("on_behalf_of", onBehalfOf);
            }
        } else {
            Accounts.Account person = people.find(context.getPrincipal().getName())
                    .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(
                            OAuth2ErrorCodes.INVALID_GRANT, "the account may no longer sign in", null)));
            claims.claim("preferred_username", person.name());
            claims.claim("name", person.displayName() == null ? person.name() : person.displayName());
            claims.claim("role", person.role());
            if (person.onBehalfOf() != null) {
                claims.claim("on_behalf_of", person.onBehalfOf());
            }
            Role role = Role.fromCode(person.role());
            if (role == Role.BANK_OFFICER) {
                claims.claim("bank", person.onBehalfOf());
            }
            if (role == Role.AGENCY_CLERK) {
                claims.claim("agency", person.onBehalfOf());
            }
            if (person.county() != null) {
                claims.claim("county", person.county());
            }
        }
        if (access) {
            claims.audience(List.of(audience));
        }
    }
}
