package rasad.command.facility;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import rasad.kernel.audit.AuditMetaData;
import rasad.kernel.audit.Role;
import rasad.kernel.facility.CloseFacility;
import rasad.kernel.facility.DisburseTranche;
import rasad.kernel.facility.FacilityClosed;
import rasad.kernel.facility.FacilityGranted;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.facility.GrantFacility;
import rasad.kernel.facility.TrancheDisbursed;
import rasad.kernel.facility.TrancheRefused;
import rasad.kernel.money.Rials;
import rasad.kernel.validation.NotResponsible;
import rasad.kernel.validation.RuleViolation;

/** One employment loan to one beneficiary: the case Rasad follows from grant to sustainable jobs. */
@Aggregate(snapshotTriggerDefinition = "facilitySnapshotTrigger")
public class Facility {

    @AggregateIdentifier
    private FacilityId facilityId;

    private FacilityGranted grant;
    private Rials paid = Rials.ZERO;
    private Map<String, TrancheDisbursed> tranches = new HashMap<>();
    private FacilityClosed closure;
    private Map<String, TrancheRefused> refusedTranches = new HashMap<>();

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
            throw new RuleViolation(
                    "FACILITY_ID_TAKEN",
                    "facility " + command.facilityId() + " was already granted with different details");
        }
        return command.facilityId();
    }

    /**
     * A tranche, never beyond the granted amount, never before the grant, never after closure; the same
     * tranche recorded again changes nothing. A bank officer records payments of their own bank only.
     */
    @CommandHandler
    public TrancheOutcome handle(
            DisburseTranche command,
            @MetaDataValue(AuditMetaData.ACTOR_ROLE) String role,
            @MetaDataValue(AuditMetaData.ON_BEHALF_OF) String onBehalfOf) {
        refuseIfAnotherBank(role, onBehalfOf);
        TrancheDisbursed known = tranches.get(command.trancheId().value());
        if (known != null) {
            if (known.amount().equals(command.amount()) && known.paidOn().equals(command.paidOn())) {
                return new TrancheOutcome.Paid(paid);
            }
            throw new RuleViolation(
                    "TRANCHE_ID_TAKEN", "tranche " + command.trancheId() + " was recorded with another amount or date");
        }
        refuseIfClosed();
        if (command.paidOn().isBefore(grant.grantedOn())) {
            throw new RuleViolation(
                    "TRANCHE_BEFORE_GRANT", "a tranche cannot be paid before the grant of " + grant.grantedOn());
        }
        Rials after = paid.plus(command.amount());
        if (after.compareTo(grant.amount()) > 0) {
            // refused, and kept: money a bank reports paid beyond the grant is what rule R10 looks for
            TrancheRefused refusal = new TrancheRefused(
                    facilityId, command.trancheId(), command.amount(), command.paidOn(), paid, grant.amount());
            if (!refusal.equals(refusedTranches.get(command.trancheId().value()))) {
                apply(refusal);
            }
            return new TrancheOutcome.RefusedBeyondGrant(facilityId, command.amount(), paid, grant.amount());
        }
        apply(new TrancheDisbursed(facilityId, command.trancheId(), command.amount(), command.paidOn(), after));
        return new TrancheOutcome.Paid(after);
    }

    /**
     * Closing twice the same way changes nothing; a closed case does not reopen or close differently. A bank
     * officer closes the facilities of their own bank only.
     */
    @CommandHandler
    public void handle(
            CloseFacility command,
            @MetaDataValue(AuditMetaData.ACTOR_ROLE) String role,
            @MetaDataValue(AuditMetaData.ON_BEHALF_OF) String onBehalfOf) {
        refuseIfAnotherBank(role, onBehalfOf);
        if (closure != null) {
            if (closure.kind() == command.kind() && closure.closedOn().equals(command.closedOn())) {
                return;
            }
            refuseIfClosed();
        }
        if (command.closedOn().isBefore(grant.grantedOn())) {
            throw new RuleViolation("CLOSED_BEFORE_GRANT", "a facility cannot close before its grant");
        }
        apply(new FacilityClosed(facilityId, command.kind(), command.closedOn(), command.reason()));
    }

    private void refuseIfAnotherBank(String role, String onBehalfOf) {
        if (Role.BANK_OFFICER.code().equals(role) && !grant.bank().value().equals(onBehalfOf)) {
            throw new NotResponsible(
                    "NOT_THE_FACILITYS_BANK",
                    "facility " + facilityId + " is paid by " + grant.bank() + ", not by " + onBehalfOf);
        }
    }

    private void refuseIfClosed() {
        if (closure != null) {
            throw new RuleViolation(
                    "FACILITY_CLOSED",
                    "facility " + facilityId + " was closed (" + closure.kind() + ") on " + closure.closedOn());
        }
    }

    @EventSourcingHandler
    void on(FacilityGranted event) {
        facilityId = event.facilityId();
        grant = event;
    }

    @EventSourcingHandler
    void on(TrancheDisbursed event) {
        tranches.put(event.trancheId().value(), event);
        paid = event.paidSoFar();
    }

    @EventSourcingHandler
    void on(TrancheRefused event) {
        refusedTranches.put(event.trancheId().value(), event);
    }

    @EventSourcingHandler
    void on(FacilityClosed event) {
        closure = event;
    }
}
