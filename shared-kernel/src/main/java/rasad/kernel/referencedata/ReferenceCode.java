package rasad.kernel.referencedata;

import rasad.kernel.text.TypedText;
import rasad.kernel.validation.InvalidValueException;

/**
 * The shape every reference-data code shares (programme, bank, agency, county): programmes and funding
 * sources change with each year's budget law, so they are data identified by codes, never enums.
 */
public final class ReferenceCode {

    private static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";

    private ReferenceCode() {}

    /** Checks a code that names reference data, or another client-chosen id of the same shape. */
    public static String checkCode(String typed, String what) {
        InvalidValueException.requiredText(typed, what);
        String value = TypedText.id(typed);
        if (!value.matches(PATTERN)) {
            throw new InvalidValueException(
                    "CODE_FORMAT",
                    "a " + what + " code is 1 to 64 letters, digits, '-' or '_', starting with a letter or digit");
        }
        return value;
    }
}
