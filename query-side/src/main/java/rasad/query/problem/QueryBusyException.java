package rasad.query.problem;

/** A request this instance cannot take now (503, with Retry-After): nothing is wrong with it. */
public class QueryBusyException extends RuntimeException {

    public QueryBusyException(String message) {
        super(message);
    }
}
