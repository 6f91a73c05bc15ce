package rasad.kernel.validation;

import java.util.Map;

/**
 * A command refused by a domain rule, such as a facility id already used for another grant. The rule code
 * is stable; the REST layer maps it to problem details, and tests expect it by name.
 */
public class RuleViolation extends RuntimeException {

    private final String rule;
    private final Map<String, String> details;

    public RuleViolation(String rule, String message) {
        this(rule, message, Map.of());
    }

    /** With details a client acts on, such as the facility that already counts a person's job. */
    public RuleViolation(String rule, String message, Map<String, String> details) {
        super(message);
        this.rule = rule;
        this.details = Map.copyOf(details);
    }

    public String rule() {
        return rule;
    }

    public Map<String, String> details() {
        return details;
    }
}
