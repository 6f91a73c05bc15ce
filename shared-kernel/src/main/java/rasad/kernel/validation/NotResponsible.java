package rasad.kernel.validation;

/**
 * A command refused because the user does not answer for this case: a bank officer recording a payment of
 * another bank's facility, an inspector a visit assigned to someone else. Answered 403, with a rule code.
 */
public class NotResponsible extends RuntimeException {

    private final String rule;

    public NotResponsible(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
