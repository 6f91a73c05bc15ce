package rasad.command.staff;

import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import rasad.edge.access.Standing;

/**
 * A retired member of the staff register acts no more on the command side, from the next request on (each
 * answer kept five seconds), whatever they still sign in with.
 */
@Configuration
class StaffStanding {

    @Bean
    Standing standing(StaffRegister register, Clock clock) {
        return Standing.remembered(
                user -> register.find(user.getUsername())
                        .filter(StaffRegister.Member::retired)
                        .map(retired -> user.getUsername() + " was retired from the staff register"),
                Duration.ofSeconds(5),
                clock);
    }
}
