package rasad.kernel.validation;

import java.util.Map;

/**
 * A command's answer when the command was refused but the attempt itself is a fact worth keeping (a second
 * facility claiming a person's job, a bank reporting a payment beyond the grant): the aggregate records the
 * attempt as an event, and the REST layer still answers with the rule that refused it.
 */
public record RecordedRefusal(String rule, String message, Map<String, String> details) {

    public RecordedRefusal {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public RuleViolation asViolation() {
        return new RuleViolation(rule, message, details);
    }
}
