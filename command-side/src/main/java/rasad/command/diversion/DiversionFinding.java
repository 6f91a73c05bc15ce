package rasad.command.diversion;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import rasad.kernel.diversion.DecideDiversionFinding;
import rasad.kernel.diversion.DiversionConfirmed;
import rasad.kernel.diversion.DiversionDismissed;
import rasad.kernel.diversion.DiversionFindingRecorded;
import rasad.kernel.diversion.RecordDiversionFinding;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.validation.RuleViolation;

/**
 * A possible diversion of a facility's money, from the inspector's or auditor's finding to the manager's
 * decision. Decided once: a decision is not changed by another, it is answered by a new finding.
 */
@Aggregate
public class DiversionFinding {

    @AggregateIdentifier
    private String findingId;

    private DiversionFindingRecorded recorded;
    private FacilityId facilityId;
    private Boolean confirmed;
    private String decisionReason;

    protected DiversionFinding() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(RecordDiversionFinding command) {
        DiversionFindingRecorded requested = DiversionFindingRecorded.from(command);
        if (recorded == null) {
            apply(requested);
        } else if (!recorded.equals(requested)) {
            throw new RuleViolation(
                    "FINDING_ID_TAKEN", "finding " + command.findingId() + " was recorded with other details");
        }
        return command.findingId();
    }

    @CommandHandler
    public void handle(DecideDiversionFinding command) {
        if (confirmed != null) {
            if (confirmed == command.confirmed() && decisionReason.equals(command.reason())) {
                return; // the same decision, retried
            }
            throw new RuleViolation(
                    "FINDING_ALREADY_DECIDED",
                    "finding " + findingId + " was already " + (confirmed ? "confirmed" : "dismissed"));
        }
        apply(
                command.confirmed()
                        ? new DiversionConfirmed(findingId, facilityId, command.reason())
                        : new DiversionDismissed(findingId, facilityId, command.reason()));
    }

    @EventSourcingHandler
    void on(DiversionFindingRecorded event) {
        findingId = event.findingId();
        facilityId = event.facilityId();
        recorded = event;
    }

    @EventSourcingHandler
    void on(DiversionConfirmed event) {
        confirmed = true;
        decisionReason = event.reason();
    }

    @EventSourcingHandler
    void on(DiversionDismissed event) {
        confirmed = false;
        decisionReason = event.reason();
    }
}
