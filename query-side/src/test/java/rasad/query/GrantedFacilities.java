package rasad.query;

import java.time.LocalDate;
import rasad.kernel.facility.Beneficiary;
import rasad.kernel.facility.BeneficiaryProfile;
import rasad.kernel.facility.CommittedJobs;
import rasad.kernel.facility.FacilityGranted;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.money.Rials;
import rasad.kernel.people.NationalId;
import rasad.kernel.people.PersonName;
import rasad.kernel.place.GeoPoint;
import rasad.kernel.place.Workplace;
import rasad.kernel.referencedata.AgencyCode;
import rasad.kernel.referencedata.BankCode;
import rasad.kernel.referencedata.CountyCode;
import rasad.kernel.referencedata.ProgrammeCode;

/** Grants as the command side records them, for tests that publish events straight into the store. */
public final class GrantedFacilities {

    private GrantedFacilities() {}

    /** A home business of bank-melli and the relief committee, granted on 2025-05-01 for two jobs. */
    public static FacilityGranted granted(
            String facilityId, String nationalId, String name, String county, String mobile, GeoPoint workplace) {
        return granted(
                facilityId,
                nationalId,
                name,
                "HOME_BUSINESS",
                "bank-melli",
                "relief-committee",
                county,
                mobile,
                workplace);
    }

    /** The same, under the given programme, bank and agency. */
    public static FacilityGranted granted(
            String facilityId,
            String nationalId,
            String name,
            String programme,
            String bank,
            String agency,
            String county,
            String mobile,
            GeoPoint workplace) {
        return new FacilityGranted(
                FacilityId.of(facilityId),
                new Beneficiary(NationalId.of(nationalId), PersonName.of(name)),
                ProgrammeCode.of(programme),
                BankCode.of(bank),
                AgencyCode.of(agency),
                CountyCode.of(county),
                Rials.of(3_000_000_000L),
                CommittedJobs.of(2),
                LocalDate.of(2025, 5, 1),
                new BeneficiaryProfile(null, null, null, mobile),
                workplace == null ? null : new Workplace("Marand, bazaar street 12", workplace),
                null,
                null,
                null);
    }
}
