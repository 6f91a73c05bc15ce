package rasad.identity;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import rasad.edge.limits.SignInGuard;
import rasad.edge.limits.SignInLimits;
import rasad.edge.limits.SignInLockout;
import rasad.identity.accounts.People;
import rasad.identity.clients.RegisteredClients;
import rasad.identity.signing.SigningKeys;

/**
 * The OIDC provider: its endpoints (authorize, token, keys, discovery, user info) in one chain, the login page
 * and health probes in another.
 */
@Configuration
@Import(SignInLimits.class)
class ProviderConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain protocol(HttpSecurity http, IdentitySettings settings) throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, provider -> provider.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // a browser sent to authorize without a session signs in first, then comes back
                .exceptionHandling(handling -> handling.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .headers(headers -> hardened(headers, settings));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http, IdentitySettings settings, SignInLockout lockout) throws Exception {
        return http.addFilterBefore(
                        new SignInGuard(
                                lockout, ProviderConfiguration::loginFormAccount, ProviderConfiguration::pausedSignIn),
                        UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(
                        requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**", "/error")
                                .permitAll()
                                .anyRequest()
                                .authenticated())
                .formLogin(Customizer.withDefaults())
                .headers(headers -> hardened(headers, settings))
                .build();
    }

    /** The account the login form is posted for. */
    private static Optional<String> loginFormAccount(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())
                ? Optional.ofNullable(request.getParameter("username"))
                : Optional.empty();
    }

    /**
     * Locked out: a 429 the browser shows as it is, saying why and for how long (the default login page has no
     * words for it), with Retry-After for any client.
     */
    private static void pausedSignIn(
            HttpServletRequest request, HttpServletResponse response, String rule, Duration wait) throws IOException {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter()
                .println("Signing in is paused: " + rule + "; try again in " + SignInLockout.minutes(wait) + ".");
    }

    /**
     * The login page in no one's frame (clickjacking), with only this origin's scripts; its form may lead only
     * here and, through the redirects after signing in, to the clients' registered addresses (browsers apply
     * form-action to those redirects too); no referrer carries an authorization request elsewhere; HSTS behind
     * TLS.
     */
    private static void hardened(HeadersConfigurer<HttpSecurity> headers, IdentitySettings settings) {
        Set<String> formTargets = new TreeSet<>();
        Stream.concat(settings.clients().stream(), settings.demoClients().stream())
                .flatMap(client -> client.redirectUris().stream())
                .map(URI::create)
                .forEach(uri -> formTargets.add(uri.getScheme() + "://" + uri.getAuthority()));
        headers.contentSecurityPolicy(policy -> policy.policyDirectives("default-src 'self'; style-src 'self' "
                        + "'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                        + "frame-ancestors 'none'; form-action 'self' " + String.join(" ", formTargets)))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER));
    }

    @Bean
    SigningKeys signingKeys(IdentitySettings settings) {
        return new SigningKeys(settings.keyDir());
    }

    /** What {@code /oauth2/jwks} publishes: every key still in the directory. */
    @Bean
    JWKSource<SecurityContext> publishedKeys(SigningKeys keys) {
        return (selector, context) -> selector.select(keys.published());
    }

    /** Tokens are signed with the current key only, whatever else is still published. */
    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        return new NimbusJwtEncoder((selector, context) -> selector.select(new JWKSet(keys.current())));
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> publishedKeys) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(publishedKeys);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentitySettings settings) {
        return AuthorizationServerSettings.builder().issuer(settings.issuer()).build();
    }

    @Bean
    RegisteredClientRepository registeredClients(IdentitySettings settings, People people) {
        return RegisteredClients.of(settings, people.demoUsersOn());
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims(People people, IdentitySettings settings) {
        return new TokenClaims(people, settings.audience());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
