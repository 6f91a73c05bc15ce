package rasad.command.problem;

import java.util.List;

/** A request refused before any command was sent: nothing was recorded. */
public class InvalidFieldsException extends RuntimeException {

    private final List<FieldErrors.FieldError> errors;

    public InvalidFieldsException(List<FieldErrors.FieldError> errors) {
        super(errors.size() + " field(s) break their rules");
        this.errors = errors;
    }

    public List<FieldErrors.FieldError> errors() {
        return errors;
    }
}
