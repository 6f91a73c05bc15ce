package rasad.kernel.validation;

/**
 * A command refused by a domain rule, such as a facility id already used for another grant. The rule code
 * is stable; the REST layer maps it to problem details, and tests expect it by name.
 */
public class RuleViolation extends RuntimeException {

    private final String rule;
    private final java.util.Map<String, String> details;

    public RuleViolation(String rule, String message) {
        this(rule, message, java.util.Map.of());
    }

    /** With details a client acts on, such as the facility that already counts a person's job. */
    public RuleViolation(String rule, String message, java.util.Map<String, String> details) {
        super(message);
        this.rule = rule;
        this.details = java.util.Map.copyOf(details);
    }

    public String rule() {
        return rule;
    }

    public java.util.Map<String, String> details() {
        return details;
    }
}
