package rasad.kernel.facility;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import rasad.kernel.money.Rials;
import rasad.kernel.place.Workplace;
import rasad.kernel.referencedata.AgencyCode;
import rasad.kernel.referencedata.BankCode;
import rasad.kernel.referencedata.CountyCode;
import rasad.kernel.referencedata.ProgrammeCode;
import rasad.kernel.referencedata.ReferenceCode;
import rasad.kernel.validation.InvalidValueException;

/**
 * A bank grants an employment loan to a beneficiary introduced by an agency, under a programme.
 *
 * @param profile       gender, disability, rural, mobile: unknown attributes are null
 * @param workplace     the registered workplace, if given
 * @param branch        the paying branch's code, if given
 * @param fundingSource the funding source's code (e.g. note-16-1403), if given
 * @param approvedPlan  the committee-approved plan the facility finances, if any
 */
public record GrantFacility(
        @TargetAggregateIdentifier FacilityId facilityId,
        Beneficiary beneficiary,
        ProgrammeCode programme,
        BankCode bank,
        AgencyCode agency,
        CountyCode county,
        Rials amount,
        CommittedJobs committedJobs,
        LocalDate grantedOn,
        BeneficiaryProfile profile,
        Workplace workplace,
        String branch,
        String fundingSource,
        String approvedPlan) {

    /** The grant as issue 2 first defined it, with nothing known of the beneficiary beyond id and name. */
    public GrantFacility(
            FacilityId facilityId,
            Beneficiary beneficiary,
            ProgrammeCode programme,
            BankCode bank,
            AgencyCode agency,
            CountyCode county,
            Rials amount,
            CommittedJobs committedJobs,
            LocalDate grantedOn) {
        this(
                facilityId,
                beneficiary,
                programme,
                bank,
                agency,
                county,
                amount,
                committedJobs,
                grantedOn,
                BeneficiaryProfile.UNKNOWN,
                null,
                null,
                null,
                null);
    }

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
        profile = profile == null ? BeneficiaryProfile.UNKNOWN : profile;
        if (branch != null) {
            branch = ReferenceCode.checkCode(branch, "bank branch");
        }
        if (fundingSource != null) {
            fundingSource = ReferenceCode.checkCode(fundingSource, "funding source");
        }
        if (approvedPlan != null) {
            approvedPlan = ReferenceCode.checkCode(approvedPlan, "approved plan");
        }
        if (!amount.isPositive()) {
            throw new InvalidValueException("AMOUNT_NOT_POSITIVE", "the amount must be more than zero rials");
        }
    }
}
