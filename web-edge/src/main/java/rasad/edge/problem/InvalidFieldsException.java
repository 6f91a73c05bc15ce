package rasad.edge.problem;

import java.util.List;

/** A request refused before any command was sent: nothing was recorded. 400, every broken field named. */
public class InvalidFieldsException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidFieldsException(List<FieldError> errors) {
        super(errors.size() + " field(s) break their rules");
        this.errors = errors;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
