package rasad.query.staff;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import rasad.edge.access.Standing;

/**
 * A member retired from the staff register reads nothing more, from the next request on, whatever they still
 * sign in with; the register's read model says so as soon as it has projected the retirement.
 */
@Configuration
class StaffStanding {

    @Bean
    Standing standing(StaffReadModel staff, Clock clock) {
        return Standing.retiredFrom(
                name -> staff.find(name).map(member -> !member.active()).orElse(false), clock);
    }
}
