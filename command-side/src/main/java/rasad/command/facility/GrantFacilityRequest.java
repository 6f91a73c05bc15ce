package rasad.command.facility;

import java.time.LocalDate;
import rasad.edge.problem.FieldErrors;
import rasad.kernel.facility.Beneficiary;
import rasad.kernel.facility.BeneficiaryProfile;
import rasad.kernel.facility.CommittedJobs;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.facility.GrantFacility;
import rasad.kernel.money.Rials;
import rasad.kernel.people.NationalId;
import rasad.kernel.people.PersonName;
import rasad.kernel.place.GeoPoint;
import rasad.kernel.place.Workplace;
import rasad.kernel.referencedata.AgencyCode;
import rasad.kernel.referencedata.BankCode;
import rasad.kernel.referencedata.CountyCode;
import rasad.kernel.referencedata.ProgrammeCode;
import rasad.kernel.referencedata.ReferenceCode;
import rasad.kernel.text.TypedEnum;

/**
 * The body of {@code POST /api/facilities}, as clients send it. Raw types on purpose: every field is turned
 * into its value object here, and each one that breaks its rule is reported by name, all at once.
 */
public record GrantFacilityRequest(
        String facilityId,
        BeneficiaryRequest beneficiary,
        String programme,
        String bank,
        String agency,
        String county,
        Long amountRials,
        Integer committedJobs,
        LocalDate grantedOn,
        WorkplaceRequest workplace,
        String branch,
        String fundingSource,
        String approvedPlan) {

    /** Who the beneficiary is; everything but national id and name may be left out (unknown). */
    public record BeneficiaryRequest(
            String nationalId, String name, String gender, Boolean disabled, Boolean rural, String mobile) {}

    public record WorkplaceRequest(String address, Double latitude, Double longitude) {}

    GrantFacility toCommand() {
        FieldErrors errors = new FieldErrors();
        BeneficiaryRequest person =
                beneficiary == null ? new BeneficiaryRequest(null, null, null, null, null, null) : beneficiary;
        FacilityId id = errors.check("facilityId", () -> FacilityId.of(facilityId));
        NationalId nationalId = errors.check("beneficiary.nationalId", () -> NationalId.of(person.nationalId()));
        PersonName name = errors.check("beneficiary.name", () -> PersonName.of(person.name()));
        ProgrammeCode programmeCode = errors.check("programme", () -> ProgrammeCode.of(programme));
        BankCode bankCode = errors.check("bank", () -> BankCode.of(bank));
        AgencyCode agencyCode = errors.check("agency", () -> AgencyCode.of(agency));
        CountyCode countyCode = errors.check("county", () -> CountyCode.of(county));
        Rials amount = errors.check("amountRials", () -> Rials.positive(FieldErrors.required(amountRials, "amount")));
        CommittedJobs jobs = errors.check(
                "committedJobs", () -> CommittedJobs.of(FieldErrors.required(committedJobs, "committed jobs")));
        LocalDate date = errors.check("grantedOn", () -> FieldErrors.required(grantedOn, "grant date"));
        BeneficiaryProfile.Gender gender =
                person.gender() == null ? null : errors.check("beneficiary.gender", () -> gender(person.gender()));
        BeneficiaryProfile profile = errors.check(
                "beneficiary.mobile",
                () -> new BeneficiaryProfile(gender, person.disabled(), person.rural(), person.mobile()));
        Workplace place = workplace == null ? null : errors.check("workplace", () -> workplace(workplace));
        errors.check("branch", () -> branch == null ? null : ReferenceCode.checkCode(branch, "bank branch"));
        errors.check(
                "fundingSource",
                () -> fundingSource == null ? null : ReferenceCode.checkCode(fundingSource, "funding source"));
        errors.check(
                "approvedPlan",
                () -> approvedPlan == null ? null : ReferenceCode.checkCode(approvedPlan, "approved plan"));
        errors.throwIfAny();
        return new GrantFacility(
                id,
                new Beneficiary(nationalId, name),
                programmeCode,
                bankCode,
                agencyCode,
                countyCode,
                amount,
                jobs,
                date,
                profile,
                place,
                branch,
                fundingSource,
                approvedPlan);
    }

    private static BeneficiaryProfile.Gender gender(String value) {
        return TypedEnum.parse(BeneficiaryProfile.Gender.class, value, "UNKNOWN_GENDER", "gender");
    }

    private static Workplace workplace(WorkplaceRequest request) {
        GeoPoint location = request.latitude() == null && request.longitude() == null
                ? null
                : new GeoPoint(
                        FieldErrors.required(request.latitude(), "latitude"),
                        FieldErrors.required(request.longitude(), "longitude"));
        return new Workplace(request.address(), location);
    }
}
