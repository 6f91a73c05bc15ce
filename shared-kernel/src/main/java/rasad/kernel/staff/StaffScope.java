package rasad.kernel.staff;

import rasad.kernel.audit.Role;
import rasad.kernel.referencedata.AgencyCode;
import rasad.kernel.referencedata.BankCode;
import rasad.kernel.referencedata.CountyCode;
import rasad.kernel.validation.InvalidValueException;

/**
 * What a member of staff answers for: a bank officer one bank, an agency clerk one agency, an inspector one county
 * or, with none, the whole province; managers, auditors and admins the province.
 */
public record StaffScope(CountyCode county, BankCode bank, AgencyCode agency) {

    public static final StaffScope PROVINCE = new StaffScope(null, null, null);

    /** The scope a role may have: the organisation a bank officer or agency clerk acts for is not optional. */
    public StaffScope checkedFor(Role role) {
        InvalidValueException.required(role, "role");
        requiredOnlyFor(role, Role.BANK_OFFICER, bank, "bank", "a bank officer acts for one bank");
        requiredOnlyFor(role, Role.AGENCY_CLERK, agency, "agency", "an agency clerk acts for one agency");
        if (county != null && role != Role.INSPECTOR) {
            throw new InvalidValueException(
                    "SCOPE_NOT_ALLOWED", "only an inspector is scoped to a county; a " + role.code() + " is not");
        }
        return this;
    }

    /** Whether work in this county falls to the member: an unscoped inspector covers every county. */
    public boolean covers(CountyCode facilityCounty) {
        return county == null || county.equals(facilityCounty);
    }

    private static void requiredOnlyFor(Role role, Role scoped, Object value, String what, String why) {
        if (role == scoped && value == null) {
            throw new InvalidValueException("SCOPE_REQUIRED", why);
        }
        if (role != scoped && value != null) {
            throw new InvalidValueException("SCOPE_NOT_ALLOWED", "only a " + scoped.code() + " is scoped to a " + what);
        }
    }
}
