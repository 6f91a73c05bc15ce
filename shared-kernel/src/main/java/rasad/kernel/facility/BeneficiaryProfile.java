package rasad.kernel.facility;

import rasad.kernel.text.TypedText;
import rasad.kernel.validation.InvalidValueException;

/**
 * Who the beneficiary is, for the breakdowns the committee reads (women, people with disabilities — the
 * Welfare Organization's first duty — rural households) and for the SMS check. Each attribute may be unknown
 * (null) for cases recorded before it was asked.
 */
public record BeneficiaryProfile(Gender gender, Boolean disabled, Boolean rural, String mobile) {

    public enum Gender {
        FEMALE,
        MALE
    }

    public BeneficiaryProfile {
        mobile = mobile == null || mobile.isBlank() ? null : nationalMobile(TypedText.withoutGrouping(mobile));
        if (mobile != null && !mobile.matches("09\\d{9}")) {
            throw new InvalidValueException(
                    "MOBILE_FORMAT", "a mobile number is 11 digits starting with 09 (or +98 9…)");
        }
    }

    /** {@code +989121234567}, {@code 00989121234567} and {@code 9121234567} are {@code 09121234567}. */
    private static String nationalMobile(String digits) {
        if (digits.matches("(\\+98|0098|98)9\\d{9}")) {
            return "0" + digits.substring(digits.length() - 10);
        }
        if (digits.matches("9\\d{9}")) {
            return "0" + digits;
        }
        return digits;
    }

    public static final BeneficiaryProfile UNKNOWN = new BeneficiaryProfile(null, null, null, null);
}
