package rasad.kernel.people;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import rasad.kernel.text.TypedText;
import rasad.kernel.validation.InvalidValueException;

/**
 * An Iranian national id (کد ملی): ten digits, the last a check digit over the first nine.
 * Jobs are counted once per national id, so an id that fails its check digit would let one person be
 * counted twice under two spellings; it is refused here, at the edge.
 */
public record NationalId(String value) {

    public NationalId {
        InvalidValueException.requiredText(value, "national id");
        // as printed on the card or typed on a phone: ۰۴۹۹۳۷۰۸۹۹, 049-937-0899, 049 937 0899
        value = TypedText.withoutGrouping(value);
        if (!value.matches("\\d{10}")) {
            throw new InvalidValueException("NATIONAL_ID_FORMAT", "a national id is exactly ten digits");
        }
        if (!hasValidCheckDigit(value)) {
            throw new InvalidValueException(
                    "NATIONAL_ID_CHECK_DIGIT", "national id " + value + " fails its check digit");
        }
    }

    @JsonCreator
    public static NationalId of(String value) {
        return new NationalId(value);
    }

    /** The id that nine digits make with their check digit: for generated test and demo populations. */
    public static NationalId completing(String nineDigits) {
        if (nineDigits == null || !nineDigits.matches("\\d{9}")) {
            throw new InvalidValueException("NATIONAL_ID_FORMAT", "nine digits complete to a national id");
        }
        return new NationalId(nineDigits + checkDigit(nineDigits));
    }

    /**
     * The published algorithm: weights 10..2 over the first nine digits, r = sum mod 11; the check digit is
     * r when r &lt; 2, else 11 - r. Ids of one repeated digit pass that arithmetic but are never issued.
     */
    static boolean hasValidCheckDigit(String tenDigits) {
        if (tenDigits.chars().distinct().count() == 1) {
            return false;
        }
        return tenDigits.charAt(9) - '0' == checkDigit(tenDigits);
    }

    private static int checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int remainder = sum % 11;
        return remainder < 2 ? remainder : 11 - remainder;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** The id itself: Axon routes a person's commands by it (the aggregate identifier is its string). */
    @Override
    public String toString() {
        return value;
    }

    /** The last three digits only: the id as a log line or an operator's message may show it. */
    public String masked() {
        return PersonalData.maskedNationalId(value);
    }

    /** Whether ten digits are a national id that could be issued: the check digit holds. */
    public static boolean isOne(String tenDigits) {
        return tenDigits != null && tenDigits.matches("\\d{10}") && hasValidCheckDigit(tenDigits);
    }
}
