package rasad.command.monitoring;

/**
 * A time rule's check: which rule, about which rule state, and a detail (the sample of an overdue visit, the
 * month of a quota check). {@code confirming}: the second look after a raise (see {@link RuleChecks}).
 */
record RuleCheck(String rule, String stateId, String detail, boolean confirming) {

    RuleCheck confirmation() {
        return new RuleCheck(rule, stateId, detail, true);
    }
}
