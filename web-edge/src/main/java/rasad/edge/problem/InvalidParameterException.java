package rasad.edge.problem;

import java.util.List;
import java.util.function.Supplier;
import rasad.kernel.validation.InvalidValueException;

/** A query parameter, path variable or header outside its rule, named with the rule's stable code. */
public class InvalidParameterException extends InvalidFieldsException {

    public InvalidParameterException(String parameter, String rule, String message) {
        super(List.of(new FieldError(parameter, rule, message)));
    }

    /**
     * Reads a parameter with a value object's own rules: a value it refuses is a 400 naming the parameter and
     * the value object's rule.
     */
    public static <T> T reading(String parameter, Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidValueException refused) {
            throw new InvalidParameterException(parameter, refused.rule(), refused.getMessage());
        }
    }

    public String parameter() {
        return errors().get(0).field();
    }

    public String rule() {
        return errors().get(0).rule();
    }

    @Override
    public String getMessage() {
        return errors().get(0).message();
    }
}
