package rasad.kernel.committee;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.money.Rials;
import rasad.kernel.validation.InvalidValueException;

/** A facility is to finance an approved plan: asked of the plan before the facility is granted. */
public record FinancePlan(@TargetAggregateIdentifier String planId, FacilityId facilityId, Rials amount) {

    public FinancePlan {
        InvalidValueException.requiredText(planId, "plan");
        InvalidValueException.required(facilityId, "facility id");
        InvalidValueException.required(amount, "amount");
    }
}
