package rasad.query.staff;

import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import rasad.edge.access.Standing;

/**
 * A member retired from the staff register reads nothing more, from the next request on (each answer kept five
 * seconds), whatever they still sign in with; the register's read model says so as soon as it has projected
 * the retirement.
 */
@Configuration
class StaffStanding {

    @Bean
    Standing standing(StaffReadModel staff, Clock clock) {
        return Standing.remembered(
                user -> staff.find(user.getUsername())
                        .filter(member -> !member.active())
                        .map(retired -> user.getUsername() + " was retired from the staff register"),
                Duration.ofSeconds(5),
                clock);
    }
}
