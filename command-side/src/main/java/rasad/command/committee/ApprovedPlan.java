package rasad.command.committee;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import rasad.kernel.committee.ApprovePlan;
import rasad.kernel.committee.FinancePlan;
import rasad.kernel.committee.PlanApproved;
import rasad.kernel.committee.PlanFinanced;
import rasad.kernel.validation.RuleViolation;

/**
 * A plan the committee approved, and the facility that finances it. One facility per plan, never above the
 * approved amount: the plan is asked first, so two grants racing for one plan cannot both take it.
 */
@Aggregate
public class ApprovedPlan {

    @AggregateIdentifier
    private String planId;

    private PlanApproved approval;
    private PlanFinanced financing;

    protected ApprovedPlan() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(ApprovePlan command) {
        PlanApproved requested = PlanApproved.from(command);
        if (approval == null) {
            apply(requested);
        } else if (!approval.equals(requested)) {
            throw new RuleViolation("PLAN_ID_TAKEN", "plan " + command.planId() + " was approved with other details");
        }
        return command.planId();
    }

    @CommandHandler
    public void handle(FinancePlan command) {
        if (financing != null) {
            if (financing.facilityId().equals(command.facilityId())
                    && financing.amount().equals(command.amount())) {
                return; // the same grant, retried
            }
            throw new RuleViolation(
                    "PLAN_ALREADY_FINANCED",
                    "plan " + planId + " is financed by facility " + financing.facilityId(),
                    Map.of("facilityId", financing.facilityId().value()));
        }
        if (command.amount().compareTo(approval.amount()) > 0) {
            throw new RuleViolation(
                    "PLAN_AMOUNT_EXCEEDED",
                    "plan " + planId + " was approved for " + approval.amount() + "; a facility of " + command.amount()
                            + " exceeds it");
        }
        apply(new PlanFinanced(planId, command.facilityId(), command.amount()));
    }

    @EventSourcingHandler
    void on(PlanApproved event) {
        planId = event.planId();
        approval = event;
    }

    @EventSourcingHandler
    void on(PlanFinanced event) {
        financing = event;
    }
}
