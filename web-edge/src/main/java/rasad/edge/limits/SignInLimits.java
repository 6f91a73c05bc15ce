package rasad.edge.limits;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The lockout and what feeds it, for any edge that signs people in with passwords (both sides, the provider). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LimitsProperties.class)
public class SignInLimits {

    @Bean
    SignInLockout signInLockout(LimitsProperties limits) {
        return new SignInLockout(limits);
    }

    @Bean
    FailedSignIns failedSignIns(SignInLockout lockout) {
        return new FailedSignIns(lockout);
    }
}
