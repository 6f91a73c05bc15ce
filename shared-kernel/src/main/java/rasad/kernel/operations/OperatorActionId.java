package rasad.kernel.operations;

import rasad.kernel.text.TypedText;
import rasad.kernel.validation.InvalidValueException;

/**
 * The shape of the client-chosen id of an operator action (a read-model rebuild, an alert-rule change): chosen by
 * the client, so that a request retried over a poor connection records nothing new.
 */
public final class OperatorActionId {

    private static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";

    private OperatorActionId() {}

    /** Refused with {@code REQUIRED} or {@code ACTION_ID_FORMAT}. */
    public static String check(String value, String what) {
        InvalidValueException.requiredText(value, what);
        value = TypedText.id(value);
        if (!value.matches(PATTERN)) {
            throw new InvalidValueException(
                    "ACTION_ID_FORMAT",
                    "a " + what + " is 1 to 64 letters, digits, '.', ':', "
                            + "'-' or '_', starting with a letter or digit");
        }
        return value;
    }

    /** Refused with {@code REASON_REQUIRED}: an operator action always says why. */
    public static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidValueException("REASON_REQUIRED", "an operator action needs a reason");
        }
        if (reason.strip().length() > 2000) {
            throw new InvalidValueException("REASON_TOO_LONG", "a reason has at most 2,000 characters");
        }
        return reason.strip();
    }
}
