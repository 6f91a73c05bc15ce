package rasad.eventstore.axon;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import rasad.kernel.audit.AuditMetaData;

/** Stamps each event, as it is published, with when Rasad recorded it: server time, whatever the client said. */
class RecordedAtInterceptor implements MessageDispatchInterceptor<EventMessage<?>> {

    private final Clock clock;

    RecordedAtInterceptor(Clock clock) {
        this.clock = clock;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, event) -> event.getMetaData().containsKey(AuditMetaData.RECORDED_AT)
                ? event
                : event.andMetaData(
                        Map.of(AuditMetaData.RECORDED_AT, clock.instant().toString()));
    }
}
