package rasad.command.monitoring;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * How far the rules have read, kept in the rules' state once per batch, after the batch's handlers: the time
 * checks, which may run on another instance than the processor, wait for it (see {@link RuleChecks}).
 */
@Component
@ProcessingGroup(MonitoringProcessor.NAME)
@Order(Integer.MAX_VALUE)
class ProcessedThrough {

    static final String STATE_ID = "processed-through";
    private static final String BATCH_POSITION = ProcessedThrough.class.getName() + ".position";

    private final RuleState state;

    ProcessedThrough(RuleState state) {
        this.state = state;
    }

    record Position(long position) {
    }

    @EventHandler
    void on(Object anyEvent, TrackingToken token) {
        long position = token.position().orElse(-1);
        if (position < 0 || !CurrentUnitOfWork.isStarted()) {
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        Long known = batch.getResource(BATCH_POSITION);
        if (known == null) {
            batch.onPrepareCommit(unitOfWork -> state.save(STATE_ID, new Position(unitOfWork.getResource(BATCH_POSITION))));
        }
        if (known == null || position > known) {
            batch.resources().put(BATCH_POSITION, position);
        }
    }

    long position() {
        return state.load(STATE_ID, Position.class).map(Position::position).orElse(-1L);
    }
}
