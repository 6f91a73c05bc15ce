package rasad.identity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The provider's settings: the issuer both sides trust, where its signing keys are kept, how long tokens live,
 * the audience they are for, and its clients — machines (a secret, and the role and organisation they act in)
 * and the pages people sign in through (redirect addresses, PKCE, no secret).
 */
@ConfigurationProperties("rasad.identity")
public record IdentitySettings(
        String issuer,
        Path keyDir,
        String audience,
        Duration accessTokenLifetime,
        Duration refreshTokenLifetime,
        List<Client> clients,
        List<Client> demoClients) {

    /**
     * A client, each with a secret (hashed, {bcrypt}…): with redirect URIs, the pages people sign in through
     * (authorization code with PKCE, refresh tokens); without, a machine using client credentials, acting in
     * its role for its organisation.
     */
    public record Client(String id, String secretHash, String role, String onBehalfOf, List<String> redirectUris) {

        public Client {
            redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
        }

        public boolean machine() {
            return redirectUris.isEmpty();
        }
    }

    public IdentitySettings {
        audience = audience == null ? "rasad" : audience;
        // short-lived, so that a disabled account stops working within minutes even where a side holds the token
        accessTokenLifetime = accessTokenLifetime == null ? Duration.ofMinutes(5) : accessTokenLifetime;
        refreshTokenLifetime = refreshTokenLifetime == null ? Duration.ofHours(8) : refreshTokenLifetime;
        clients = clients == null ? List.of() : List.copyOf(clients);
        demoClients = demoClients == null ? List.of() : List.copyOf(demoClients);
    }
}
