package rasad.edge.problem;

import java.util.List;

/** A query parameter, path variable or header outside its rule, named with the rule's stable code. */
public class InvalidParameterException extends InvalidFieldsException {

    public InvalidParameterException(String parameter, String rule, String message) {
        super(List.of(new FieldError(parameter, rule, message)));
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
