package rasad.kernel.operations;

import rasad.kernel.validation.InvalidValueException;

/**
 * The name of a query-side read model, as its processing group is named ({@code facilities}, {@code dashboard},
 * {@code alerts}…). Only its shape is checked here: the command side does not know the query side's read models,
 * so the query side refuses a name it does not keep (and lists the refusal among the operator actions).
 */
public final class ReadModelName {

    private static final String PATTERN = "[a-z][a-z0-9-]{0,63}";

    private ReadModelName() {}

    public static String check(String value) {
        InvalidValueException.requiredText(value, "read model");
        if (!value.matches(PATTERN)) {
            throw new InvalidValueException(
                    "READ_MODEL_FORMAT",
                    "a read model is named like its processing group: 1 to 64 lower-case letters, digits or '-'");
        }
        return value;
    }
}
