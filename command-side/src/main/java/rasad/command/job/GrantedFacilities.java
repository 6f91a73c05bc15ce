package rasad.command.job;

import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import rasad.kernel.facility.FacilityClosed;
import rasad.kernel.facility.FacilityGranted;
import rasad.kernel.facility.FacilityId;

/**
 * What a job registration needs to know of its facility — that it was granted, to which agency, and whether
 * it is closed — read from the facility's own events, so the command side needs no read model of its own.
 */
@Component
class GrantedFacilities {

    private final EventStore eventStore;

    GrantedFacilities(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    record Facts(String agency, boolean closed) {
    }

    Optional<Facts> find(FacilityId facilityId) {
        String agency = null;
        boolean closed = false;
        var events = eventStore.readEvents(facilityId.value());
        while (events.hasNext()) {
            Object payload = events.next().getPayload();
            if (payload instanceof FacilityGranted granted) {
                agency = granted.agency().value();
            } else if (payload instanceof FacilityClosed) {
                closed = true;
            }
        }
        return agency == null ? Optional.empty() : Optional.of(new Facts(agency, closed));
    }
}
