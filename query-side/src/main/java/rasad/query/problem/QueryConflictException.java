package rasad.query.problem;

/** A request the current state refuses (409), named with the rule's stable code. */
public class QueryConflictException extends RuntimeException {

    private final String rule;

    public QueryConflictException(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
