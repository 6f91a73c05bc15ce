package rasad.query.asof;

import java.util.Arrays;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;

/**
 * Live projections folded over events outside any processor: each event goes to each projection that handles
 * it, in the order given (the order their processor invokes them), exactly as the processor would deliver it.
 */
public final class ProjectionFold {

    private final List<AnnotationEventHandlerAdapter> projections;

    private ProjectionFold(List<AnnotationEventHandlerAdapter> projections) {
        this.projections = projections;
    }

    /** The projections, each already built over the memory (or the collection) it is to fold into. */
    public static ProjectionFold of(Object... projections) {
        return new ProjectionFold(Arrays.stream(projections)
                .map(AnnotationEventHandlerAdapter::new)
                .toList());
    }

    public void apply(EventMessage<?> event) {
        for (AnnotationEventHandlerAdapter projection : projections) {
            if (!projection.canHandle(event)) {
                continue;
            }
            try {
                projection.handle(event);
            } catch (Exception projectionFailed) {
                throw new IllegalStateException(
                        "a projection failed on event " + event.getIdentifier() + " ("
                                + event.getPayloadType().getSimpleName() + ") while folding as of an instant",
                        projectionFailed);
            }
        }
    }
}
