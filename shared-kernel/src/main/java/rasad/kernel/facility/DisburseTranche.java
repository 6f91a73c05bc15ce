package rasad.kernel.facility;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import rasad.kernel.calendar.FiscalYear;
import rasad.kernel.money.Rials;
import rasad.kernel.validation.InvalidValueException;

/** The bank pays a tranche (پرداخت) of a granted facility to the beneficiary. */
public record DisburseTranche(
        @TargetAggregateIdentifier FacilityId facilityId, TrancheId trancheId, Rials amount, LocalDate paidOn) {

    public DisburseTranche {
        InvalidValueException.required(facilityId, "facility id");
        InvalidValueException.required(trancheId, "tranche id");
        InvalidValueException.required(amount, "amount");
        InvalidValueException.required(paidOn, "payment date");
        if (!amount.isPositive()) {
            throw new InvalidValueException("AMOUNT_NOT_POSITIVE", "a tranche is more than zero rials");
        }
        // counted against the quota of the fiscal year it falls in, after it is recorded: a payment in no year
        // Rasad keeps must be refused here, before anything is recorded, not after
        FiscalYear.containing(paidOn);
    }
}
