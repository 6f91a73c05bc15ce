package rasad.edge.problem;

import java.util.Optional;

/** Nothing is known under that id — possibly not yet, since read models follow the events. */
public class NotFoundException extends RuntimeException {

    private final FieldError field;

    public NotFoundException(String message) {
        super(message);
        this.field = null;
    }

    /** An id the request names (a path variable or a body field) that nothing is recorded under. */
    public NotFoundException(String field, String rule, String message) {
        super(message);
        this.field = new FieldError(field, rule, message);
    }

    public Optional<FieldError> field() {
        return Optional.ofNullable(field);
    }
}
