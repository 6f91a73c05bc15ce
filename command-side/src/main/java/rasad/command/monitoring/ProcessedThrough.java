package rasad.command.monitoring;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * How far the rules have read, kept with the rules' state and written after it when a batch commits: the time
 * checks, which may run on another instance than the processor, wait for it (see {@link RuleChecks}).
 */
@Component
@ProcessingGroup(MonitoringProcessor.NAME)
@Order(Integer.MAX_VALUE)
class ProcessedThrough {

    static final String STATE_ID = "processed-through";

    private final RuleState state;

    ProcessedThrough(RuleState state) {
        this.state = state;
    }

    record Position(long position) {}

    @EventHandler
    void on(Object anyEvent, TrackingToken token) {
        long position = token.position().orElse(-1);
        if (position
                > state.load(STATE_ID, Position.class).map(Position::position).orElse(-1L)) {
            state.save(STATE_ID, new Position(position));
        }
    }

    long position() {
        return state.load(STATE_ID, Position.class).map(Position::position).orElse(-1L);
    }
}
