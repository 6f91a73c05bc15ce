package rasad.edge.access;

import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * How a token is checked: signed by one of the issuer's keys, issued by that issuer, for Rasad's audience, and
 * not expired (with Spring's minute of clock skew). The keys are looked up on first use, not at start, so that
 * either side may start before the identity provider does; a key rotated at the provider is fetched when a
 * token names it.
 */
final class TokenChecks {

    private TokenChecks() {}

    static JwtDecoder decoder(AccessProperties.Tokens tokens) {
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = tokens.getJwkSetUri() == null
                    ? NimbusJwtDecoder.withIssuerLocation(tokens.getIssuer()).build()
                    : NimbusJwtDecoder.withJwkSetUri(tokens.getJwkSetUri()).build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                    JwtValidators.createDefaultWithIssuer(tokens.getIssuer()),
                    new JwtClaimValidator<List<String>>(
                            JwtClaimNames.AUD,
                            audience -> audience != null && audience.contains(tokens.getAudience()))));
            return decoder;
        });
    }
}
