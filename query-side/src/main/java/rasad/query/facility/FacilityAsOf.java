package rasad.query.facility;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;
import rasad.query.asof.ProjectionFold;

/**
 * A facility case as it stood after some of its events: the very projection that keeps the live case
 * ({@link FacilityProjection}, then {@link FacilityTimeline}, in the processor's order) folded over those
 * events into memory. There is no second implementation of what a case looks like, so an as-of view can only
 * differ from the live one by the events it was given.
 */
@Component
public class FacilityAsOf {

    /**
     * @param events the case's events, in the order the processor would deliver them (global position)
     * @return the case, or empty if the events do not include its grant
     */
    public Optional<CaseState> fold(String facilityId, List<? extends EventMessage<?>> events) {
        FacilityReadModel memory = FacilityReadModel.inMemory();
        ProjectionFold fold = ProjectionFold.of(new FacilityProjection(memory), new FacilityTimeline(memory));
        events.forEach(fold::apply);
        return memory.find(facilityId).map(view -> new CaseState(view, null, memory.visits(facilityId)));
    }

    /** The case and its visits, shaped as the live case view shows them. */
    /** {@code names}: the names of the case's codes, as the live case gives them; null until named. */
    public record CaseState(@JsonUnwrapped FacilityView facility, Map<String, String> names, List<VisitView> visits) {

        public CaseState named(Map<String, String> names) {
            return new CaseState(facility, names, visits);
        }
    }
}
