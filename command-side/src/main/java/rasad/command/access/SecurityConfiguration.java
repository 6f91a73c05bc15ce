package rasad.command.access;

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
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import rasad.kernel.validation.ProblemTypes;
import rasad.eventstore.mongo.RasadMongoProperties;
import rasad.kernel.audit.Role;

/**
 * Every request is authenticated (HTTP Basic) except the health probes an orchestrator polls. Which role may
 * issue which command is said on each endpoint.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(AccessProperties.class)
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
                // A JSON API authenticated per request with Basic credentials: no cookies, nothing to forge.
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
    UserDetailsService users(AccessProperties access, RasadMongoProperties mongo) {
        List<AccessProperties.ConfiguredUser> configured = new ArrayList<>(access.getUsers());
        if (demoUsersOn(access, mongo)) {
            configured.addAll(access.getDemo());
            log.info("Demo users, each with its name as password: {}",
                    access.getDemo().stream().map(AccessProperties.ConfiguredUser::name).toList());
        }
        List<RasadUser> users = configured.stream()
                .map(user -> new RasadUser(user.name(), user.passwordHash(), Role.fromCode(user.role()),
                        user.onBehalfOf()))
                .toList();
        return name -> users.stream()
                .filter(user -> user.getUsername().equals(name))
                .findFirst()
                // a copy: Spring Security erases the credentials of the instance it authenticates
                .map(user -> new RasadUser(user.getUsername(), user.getPassword(), user.role(), user.onBehalfOf()))
                .orElseThrow(() -> new UsernameNotFoundException(name));
    }

    private static boolean demoUsersOn(AccessProperties access, RasadMongoProperties mongo) {
        return switch (access.getDemoUsers()) {
            case OFF -> false;
            case AUTO -> mongo.isEmbedded();
            case ON -> {
                if (!mongo.isEmbedded()) {
                    log.warn("Demo users are ON against a real MongoDB: anyone who knows a role's name can sign in");
                }
                yield true;
            }
        };
    }
}
