package rasad.kernel.facility;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import rasad.kernel.money.Rials;
import rasad.kernel.referencedata.AgencyCode;
import rasad.kernel.referencedata.BankCode;
import rasad.kernel.referencedata.CountyCode;
import rasad.kernel.referencedata.ProgrammeCode;
import rasad.kernel.validation.InvalidValueException;

/** A bank grants an employment loan to a beneficiary introduced by an agency, under a programme. */
public record GrantFacility(
        @TargetAggregateIdentifier FacilityId facilityId,
        Beneficiary beneficiary,
        ProgrammeCode programme,
        BankCode bank,
        AgencyCode agency,
        CountyCode county,
        Rials amount,
        CommittedJobs committedJobs,
        LocalDate grantedOn) {

    public GrantFacility {
        InvalidValueException.required(facilityId, "facility id");
        InvalidValueException.required(beneficiary, "beneficiary");
        InvalidValueException.required(programme, "programme");
        InvalidValueException.required(bank, "bank");
        InvalidValueException.required(agency, "agency");
        InvalidValueException.required(county, "county");
        InvalidValueException.required(amount, "amount");
        InvalidValueException.required(committedJobs, "committed jobs");
        InvalidValueException.required(grantedOn, "grant date");
        if (!amount.isPositive()) {
            throw new InvalidValueException("AMOUNT_NOT_POSITIVE", "the amount must be more than zero rials");
        }
    }
}
