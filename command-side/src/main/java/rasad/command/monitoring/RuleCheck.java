package rasad.command.monitoring;

/**
 * A time rule's check, due at a deadline: which rule, about which rule state, and a detail (the sample of an
 * overdue visit, the month of a quota check). {@code waitForPosition} is set once the check first ran: the
 * position the event store had reached then, which the rules must have processed before they decide.
 * {@code confirming}: the second look after a raise (see {@link RuleChecks}).
 */
record RuleCheck(String rule, String stateId, String detail, Long waitForPosition, boolean confirming) {

    RuleCheck waitingFor(long position) {
        return new RuleCheck(rule, stateId, detail, position, confirming);
    }

    RuleCheck confirmation() {
        return new RuleCheck(rule, stateId, detail, null, true);
    }
}
