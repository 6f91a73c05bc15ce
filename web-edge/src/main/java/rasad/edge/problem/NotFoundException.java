package rasad.edge.problem;

/** Nothing is known under that id — possibly not yet, since read models follow the events. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
