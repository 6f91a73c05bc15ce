package rasad.kernel.facility;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import rasad.kernel.money.Rials;
import rasad.kernel.place.Workplace;
import rasad.kernel.referencedata.AgencyCode;
import rasad.kernel.referencedata.BankCode;
import rasad.kernel.referencedata.CountyCode;
import rasad.kernel.referencedata.ProgrammeCode;

/**
 * A facility was granted: the case Rasad follows begins.
 * <p>Revision 2 adds what the committee's breakdowns and the inspectors need — the beneficiary's profile, the
 * registered workplace, the paying branch, the funding source and the approved plan. Revision 1 events
 * (issue 2) are upcast on read by {@code FacilityGrantedUpcaster}, with those fields unknown.
 */
@Revision("2")
public record FacilityGranted(
        FacilityId facilityId,
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

    public FacilityGranted {
        profile = profile == null ? BeneficiaryProfile.UNKNOWN : profile;
    }

    public static FacilityGranted from(GrantFacility command) {
        return new FacilityGranted(
                command.facilityId(),
                command.beneficiary(),
                command.programme(),
                command.bank(),
                command.agency(),
                command.county(),
                command.amount(),
                command.committedJobs(),
                command.grantedOn(),
                command.profile(),
                command.workplace(),
                command.branch(),
                command.fundingSource(),
                command.approvedPlan());
    }
}
