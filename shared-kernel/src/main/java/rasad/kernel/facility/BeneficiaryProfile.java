package rasad.kernel.facility;

import rasad.kernel.validation.InvalidValueException;

/**
 * Who the beneficiary is, for the breakdowns the committee reads (women, people with disabilities — the
 * Welfare Organization's first duty — rural households) and for the SMS check. Each attribute may be unknown
 * (null) for cases recorded before it was asked.
 */
public record BeneficiaryProfile(Gender gender, Boolean disabled, Boolean rural, String mobile) {

    public enum Gender { FEMALE, MALE }

    public BeneficiaryProfile {
        mobile = mobile == null || mobile.isBlank() ? null : mobile.strip();
        if (mobile != null && !mobile.matches("09\\d{9}")) {
            throw new InvalidValueException("MOBILE_FORMAT", "a mobile number is 11 digits starting with 09");
        }
    }

    public static final BeneficiaryProfile UNKNOWN = new BeneficiaryProfile(null, null, null, null);
}
