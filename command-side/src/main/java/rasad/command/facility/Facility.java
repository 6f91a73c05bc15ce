package rasad.command.facility;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import rasad.kernel.facility.FacilityGranted;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.facility.GrantFacility;
import rasad.kernel.validation.RuleViolation;

/** One employment loan to one beneficiary: the case Rasad follows from grant to sustainable jobs. */
@Aggregate(snapshotTriggerDefinition = "facilitySnapshotTrigger")
public class Facility {

    @AggregateIdentifier
    private FacilityId facilityId;
    private FacilityGranted grant;

    protected Facility() {
        // for Axon: rebuilt from its events
    }

    /**
     * Creates the case, or, when the same grant arrives again (a client retrying over a poor connection),
     * changes nothing. The same id for a different grant is refused: ids are the client's, and reusing one
     * would silently merge two cases.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public FacilityId handle(GrantFacility command) {
        FacilityGranted requested = FacilityGranted.from(command);
        if (grant == null) {
            apply(requested);
        } else if (!grant.equals(requested)) {
            throw new RuleViolation("FACILITY_ID_TAKEN",
                    "facility " + command.facilityId() + " was already granted with different details");
        }
        return command.facilityId();
    }

    @EventSourcingHandler
    void on(FacilityGranted event) {
        facilityId = event.facilityId();
        grant = event;
    }
}
