package rasad.command.facility;

import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import rasad.edge.problem.NotFoundException;
import rasad.kernel.facility.FacilityClosed;
import rasad.kernel.facility.FacilityGranted;
import rasad.kernel.facility.FacilityId;

/**
 * What other capabilities need to know of a facility — its grant, and whether it is closed — read from the
 * facility's own events, so the command side needs no read model of its own.
 */
@Component
public class GrantedFacilities {

    private final EventStore eventStore;

    GrantedFacilities(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public record Facts(FacilityGranted grant, boolean closed) {}

    /** The facility a request names, which must have been granted: else 404, naming the field. */
    public Facts require(FacilityId facilityId, String field) {
        return find(facilityId)
                .orElseThrow(() -> new NotFoundException(
                        field, "FACILITY_UNKNOWN", "no facility " + facilityId + " has been granted"));
    }

    public Optional<Facts> find(FacilityId facilityId) {
        FacilityGranted grant = null;
        boolean closed = false;
        // from sequence 0: the events themselves, never a snapshot standing in for them
        var events = eventStore.readEvents(facilityId.value(), 0);
        while (events.hasNext()) {
            Object payload = events.next().getPayload();
            if (payload instanceof FacilityGranted granted) {
                grant = granted;
            } else if (payload instanceof FacilityClosed) {
                closed = true;
            }
        }
        return grant == null ? Optional.empty() : Optional.of(new Facts(grant, closed));
    }
}
