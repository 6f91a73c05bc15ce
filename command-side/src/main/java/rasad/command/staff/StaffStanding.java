package rasad.command.staff;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import rasad.edge.access.Standing;

/**
 * A retired member of the staff register acts no more on the command side, from the next request on, whatever
 * they still sign in with: the register is read from the member's own events.
 */
@Configuration
class StaffStanding {

    @Bean
    Standing standing(StaffRegister register, Clock clock) {
        return Standing.retiredFrom(
                name -> register.find(name).map(StaffRegister.Member::retired).orElse(false), clock);
    }
}
