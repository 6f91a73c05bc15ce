package rasad.edge.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import rasad.kernel.validation.InvalidValueException;

/**
 * Collects every field of a request that breaks its rule, so that a client fixes them in one round trip
 * instead of one per field. The rules themselves live in the value objects.
 */
public final class FieldErrors {

    private final List<FieldError> errors = new ArrayList<>();

    public <T> T check(String field, Supplier<T> valueObject) {
        try {
            return valueObject.get();
        } catch (InvalidValueException refused) {
            errors.add(new FieldError(field, refused.rule(), refused.getMessage()));
            return null;
        }
    }

    /** A field that is left out, although the rule needs it. */
    public static <T> T required(T value, String what) {
        return InvalidValueException.required(value, what);
    }

    public boolean any() {
        return !errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(List.copyOf(errors));
        }
    }
}
