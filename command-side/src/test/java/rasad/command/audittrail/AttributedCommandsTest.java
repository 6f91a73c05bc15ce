package rasad.command.audittrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** A command that loses the race for a busy case is sent again, a bounded number of times. */
class AttributedCommandsTest {

    record CountAJob(String jobId) {}

    private final AtomicInteger attempts = new AtomicInteger();

    private AttributedCommands losingTheRace(int times) {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(CountAJob.class.getName(), command -> {
            if (attempts.incrementAndGet() <= times) {
                throw new ConcurrencyException("another instance appended to the case first");
            }
            return "counted";
        });
        CommandMetaData anonymous = new CommandMetaData(new MockHttpServletRequest(), Clock.systemUTC()) {
            @Override
            public MetaData current() {
                return MetaData.emptyInstance();
            }
        };
        return new AttributedCommands(
                DefaultCommandGateway.builder().commandBus(bus).build(), anonymous);
    }

    @Test
    void a_command_that_lost_the_race_twice_is_answered_on_its_third_attempt() {
        String answer = losingTheRace(2).send(new CountAJob("j-1"));

        assertThat(answer).isEqualTo("counted");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void a_command_that_loses_every_attempt_gives_up_with_the_race_it_lost() {
        assertThatThrownBy(() -> losingTheRace(Integer.MAX_VALUE).send(new CountAJob("j-1")))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(attempts).hasValue(5);
    }
}
