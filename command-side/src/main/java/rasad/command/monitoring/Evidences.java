package rasad.command.monitoring;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import rasad.kernel.alerts.Evidence;

/** The event a rule relied on, as an alert's evidence. */
final class Evidences {

    private Evidences() {}

    static List<Evidence> of(EventMessage<?> event, String summary) {
        return List.of(new Evidence(
                event.getIdentifier(), event.getPayloadType().getSimpleName(), event.getTimestamp(), summary));
    }
}
