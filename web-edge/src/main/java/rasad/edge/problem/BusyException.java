package rasad.edge.problem;

/** A request this instance cannot take now (503, with Retry-After): nothing is wrong with it. */
public class BusyException extends RuntimeException {

    public BusyException(String message) {
        super(message);
    }
}
