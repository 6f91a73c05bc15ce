package rasad.query.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import rasad.eventstore.mongo.RasadMongoProperties;
import rasad.kernel.audit.Role;
import rasad.kernel.validation.ProblemTypes;

/** Every read is authenticated (HTTP Basic) except the health probes; operator views name their roles. */
@Configuration(proxyBeanMethods = false)
@org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity
@EnableConfigurationProperties(ReaderProperties.class)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityFilterChain api(HttpSecurity http, AuthenticationEntryPoint problemEntryPoint) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problemEntryPoint))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problemEntryPoint))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Read-only and cookie-less: there is no request a forged form could make.
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    AuthenticationEntryPoint problemEntryPoint(ObjectMapper json) {
        return (request, response, failure) -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "sign in with HTTP Basic credentials");
            problem.setType(ProblemTypes.UNAUTHENTICATED);
            problem.setTitle("Unauthenticated");
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setHeader("WWW-Authenticate", "Basic realm=\"Rasad\", charset=\"UTF-8\"");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
        };
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new RecentlyVerifiedPasswords(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    @Bean
    UserDetailsService readers(ReaderProperties readers, RasadMongoProperties mongo) {
        List<ReaderProperties.ConfiguredUser> configured = new ArrayList<>(readers.getUsers());
        boolean demo = switch (readers.getDemoUsers()) {
            case OFF -> false;
            case AUTO -> mongo.isEmbedded();
            case ON -> true;
        };
        if (demo) {
            configured.addAll(readers.getDemo());
            if (!mongo.isEmbedded()) {
                log.warn("Demo users are ON against a real MongoDB: anyone who knows a role's name can sign in");
            }
        }
        List<UserDetails> users = configured.stream()
                .map(user -> User.withUsername(user.name())
                        .password(user.passwordHash())
                        .roles(Role.fromCode(user.role()).name())
                        .build())
                .toList();
        return new InMemoryUserDetailsManager(users);
    }
}
