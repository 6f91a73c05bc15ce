package rasad.kernel.planning;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.facility.TrancheId;
import rasad.kernel.money.Rials;
import rasad.kernel.validation.InvalidValueException;

/** A paid tranche counts against its bank's quota for the programme, funding source and fiscal year. */
public record ConsumeQuota(
        @TargetAggregateIdentifier QuotaId id, FacilityId facilityId, TrancheId trancheId, Rials amount) {

    public ConsumeQuota {
        InvalidValueException.required(id, "quota");
        InvalidValueException.required(facilityId, "facility id");
        InvalidValueException.required(trancheId, "tranche id");
        InvalidValueException.required(amount, "amount");
    }
}
