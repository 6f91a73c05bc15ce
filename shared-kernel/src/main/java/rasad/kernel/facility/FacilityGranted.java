package rasad.kernel.facility;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import rasad.kernel.money.Rials;
import rasad.kernel.referencedata.AgencyCode;
import rasad.kernel.referencedata.BankCode;
import rasad.kernel.referencedata.CountyCode;
import rasad.kernel.referencedata.ProgrammeCode;

/**
 * A facility was granted: the case Rasad follows begins. Released contract, revision 1: a new shape is a
 * new revision with an upcaster, never an edit of this one.
 */
@Revision("1")
public record FacilityGranted(
        FacilityId facilityId,
        Beneficiary beneficiary,
        ProgrammeCode programme,
        BankCode bank,
        AgencyCode agency,
        CountyCode county,
        Rials amount,
        CommittedJobs committedJobs,
        LocalDate grantedOn) {

    public static FacilityGranted from(GrantFacility command) {
        return new FacilityGranted(command.facilityId(), command.beneficiary(), command.programme(),
                command.bank(), command.agency(), command.county(), command.amount(), command.committedJobs(),
                command.grantedOn());
    }
}
