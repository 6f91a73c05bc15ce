package rasad.edge.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import rasad.edge.limits.LimitsProperties;
import rasad.edge.limits.SignInGuard;
import rasad.edge.limits.SignInLimits;
import rasad.edge.limits.SignInLockout;
import rasad.edge.limits.WriteLimits;
import rasad.eventstore.mongo.RasadMongoProperties;
import rasad.kernel.audit.Role;

/**
 * Who may call either side: every request is authenticated — by a bearer token from the identity provider
 * ({@code rasad.access.tokens.issuer}), or by HTTP Basic where password users (the demo users) are on — except
 * the paths a side
 * opens ({@code rasad.access.open-paths}, the health probes by default); the rest of the actuator (metrics) is
 * for admins only. Which role may do what is said on each
 * endpoint. One configuration for both sides, so that a user reads as the same person, role and organisation on
 * each.
 */
@AutoConfiguration(
        afterName = "rasad.eventstore.mongo.RasadMongoAutoConfiguration",
        before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class},
        // the actuator's own default chain (form login, sessions) must not be the one that wins
        beforeName =
                "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
@EnableConfigurationProperties(AccessProperties.class)
@Import(SignInLimits.class)
public class EdgeSecurity {

    private static final Logger log = LoggerFactory.getLogger(EdgeSecurity.class);

    /**
     * JSON and CSV answers need nothing of a browser; the API docs page (Swagger UI, served from this origin)
     * needs its own scripts and styles. No framing anywhere (clickjacking), no plugins, no base rewriting.
     * HSTS is sent on HTTPS only, as browsers ignore it on plain HTTP.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
            + "form-action 'self'";

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain api(
            HttpSecurity http,
            AccessProperties access,
            RasadMongoProperties mongo,
            ObjectMapper json,
            ObjectProvider<Standing> standing,
            SignInLockout lockout,
            LimitsProperties limits)
            throws Exception {
        boolean tokens = access.getTokens().on();
        boolean passwords = !access.signingIn(mongo.isEmbedded()).isEmpty();
        AuthenticationEntryPoint unauthenticated = new ProblemEntryPoint(json, tokens, passwords);
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                access.getOpenPaths().toArray(String[]::new))
                        .permitAll()
                        // metrics and the health document's details (disk paths, the database) are for operators
                        .requestMatchers("/actuator/**")
                        .hasAnyRole(Role.MONITORING.name(), Role.ADMIN.name())
                        // and the monitoring role nothing else: a scraper's credentials open no case
                        .anyRequest()
                        .access(AuthorizationManagers.allOf(
                                AuthenticatedAuthorizationManager.authenticated(),
                                AuthorizationManagers.not(
                                        AuthorityAuthorizationManager.hasRole(Role.MONITORING.name())))))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthenticated))
                .headers(headers -> headers.contentSecurityPolicy(
                                policy -> policy.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true)
                                .maxAgeInSeconds(Duration.ofDays(365).toSeconds())))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // A JSON API authenticated per request (a token or Basic): no cookies, nothing to forge.
                .csrf(csrf -> csrf.disable());
        if (tokens) {
            http.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(TokenChecks.decoder(access.getTokens()))
                            .jwtAuthenticationConverter(new TokenUsers()))
                    .authenticationEntryPoint(unauthenticated));
        }
        standing.ifAvailable(register ->
                http.addFilterBefore(new StandingFilter(register, unauthenticated), AuthorizationFilter.class));
        http.addFilterBefore(new WriteLimits(limits, json), AuthorizationFilter.class);
        if (passwords) {
            http.addFilterBefore(
                    new SignInGuard(lockout, SignInGuard::basicAccount, SignInGuard.inProblemDetails(json)),
                    BasicAuthenticationFilter.class);
            http.httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated));
        } else {
            http.httpBasic(basic -> basic.disable());
        }
        return http.build();
    }

    /**
     * A path the firewall refuses ({@code %2F}, an encoded {@code ../}, a NUL) is a malformed request, a 400 in
     * problem details: not a 500, and not a 401 that would send a signed-in user to check their password.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        return new RejectedRequests(json, new HttpStatusRequestRejectedHandler());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new RecentlyVerifiedPasswords(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    @Bean
    @ConditionalOnMissingBean(UserDetailsService.class)
    UserDetailsService users(AccessProperties access, RasadMongoProperties mongo) {
        List<AccessProperties.ConfiguredUser> configured = access.signingIn(mongo.isEmbedded());
        if (access.demoUsersOn(mongo.isEmbedded())) {
            if (!mongo.isEmbedded()) {
                log.warn("Demo users are ON against a real MongoDB: anyone who knows a role's name can sign in");
            }
            log.info(
                    "Demo users, each with its name as password: {}",
                    access.getDemo().stream()
                            .map(AccessProperties.ConfiguredUser::name)
                            .toList());
        }
        List<RasadUser> users = configured.stream()
                .map(user ->
                        new RasadUser(user.name(), user.passwordHash(), Role.fromCode(user.role()), user.onBehalfOf()))
                .toList();
        return name -> users.stream()
                .filter(user -> user.getUsername().equals(name))
                .findFirst()
                // a copy: Spring Security erases the credentials of the instance it authenticates
                .map(RasadUser::copy)
                .orElseThrow(() -> new UsernameNotFoundException(name));
    }
}
