package rasad.kernel.validation;

/**
 * A command refused by a domain rule, such as a facility id already used for another grant. The rule code
 * is stable; the REST layer maps it to problem details, and tests expect it by name.
 */
public class RuleViolation extends RuntimeException {

    private final String rule;

    public RuleViolation(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
