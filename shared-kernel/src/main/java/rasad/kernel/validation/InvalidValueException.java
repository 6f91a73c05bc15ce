package rasad.kernel.validation;

/**
 * A value refused by the rule that defines it. The rule code is stable: clients and the problem-details
 * responses key on it, so a code is never renamed once released.
 */
public class InvalidValueException extends IllegalArgumentException {

    private final String rule;

    public InvalidValueException(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }

    public static <T> T required(T value, String what) {
        if (value == null) {
            throw new InvalidValueException("REQUIRED", what + " is required");
        }
        return value;
    }

    public static String requiredText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("REQUIRED", what + " is required");
        }
        return value;
    }
}
