package rasad.query.problem;

/** A query parameter outside its rule, named with the rule's stable code. */
public class QueryParameterException extends RuntimeException {

    private final String parameter;
    private final String rule;

    public QueryParameterException(String parameter, String rule, String message) {
        super(message);
        this.parameter = parameter;
        this.rule = rule;
    }

    public String parameter() {
        return parameter;
    }

    public String rule() {
        return rule;
    }
}
