package rasad.identity.clients;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import rasad.identity.IdentitySettings;

/** The provider's clients as configured; the demo ones (the pages, the demo loader) where demo users are on. */
public final class RegisteredClients {

    /** Client settings that say in which role, and for whom, a machine acts. */
    public static final String ROLE = "rasad.role";

    public static final String ON_BEHALF_OF = "rasad.on-behalf-of";

    private RegisteredClients() {}

    public static InMemoryRegisteredClientRepository of(IdentitySettings settings, boolean demo) {
        List<IdentitySettings.Client> clients = new ArrayList<>(settings.clients());
        if (demo) {
            clients.addAll(settings.demoClients());
        }
        return new InMemoryRegisteredClientRepository(
                clients.stream().map(client -> registered(client, settings)).toList());
    }

    private static RegisteredClient registered(IdentitySettings.Client client, IdentitySettings settings) {
        if (client.secretHash() == null || client.secretHash().isBlank()) {
            throw new IllegalStateException("client " + client.id() + " has no secret-hash");
        }
        RegisteredClient.Builder registered = RegisteredClient.withId(client.id())
                .clientId(client.id())
                .clientSecret(client.secretHash())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(settings.accessTokenLifetime())
                        .refreshTokenTimeToLive(settings.refreshTokenLifetime())
                        // a refresh token is used once: a stolen one that is replayed stops working
                        .reuseRefreshTokens(false)
                        .build());
        if (client.machine()) {
            if (client.role() == null) {
                throw new IllegalStateException("machine client " + client.id() + " has no role");
            }
            ClientSettings.Builder actsAs = ClientSettings.builder().setting(ROLE, client.role());
            if (client.onBehalfOf() != null) {
                actsAs.setting(ON_BEHALF_OF, client.onBehalfOf());
            }
            return registered
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .clientSettings(actsAs.build())
                    .build();
        }
        return registered
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(client.redirectUris()))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        // Rasad's own pages: people are not asked to consent to Rasad
                        .requireAuthorizationConsent(false)
                        .build())
                .build();
    }
}
