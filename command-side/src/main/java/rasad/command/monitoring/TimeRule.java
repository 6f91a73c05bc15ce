package rasad.command.monitoring;

import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A rule decided at a deadline on what the rules know: it raises when its condition holds, and once the rules
 * have seen that raise it looks again, clearing the alert if the condition ended in between.
 *
 * @param condition whether the state shows the condition (a missing state never does)
 */
record TimeRule<S>(
        Class<S> stateType,
        Predicate<RuleCheckOn<S>> condition,
        Consumer<RuleCheckOn<S>> raise,
        Consumer<RuleCheckOn<S>> clear) {

    /** A check with the state it is about. */
    record RuleCheckOn<S>(RuleCheck check, S state) {}

    boolean decide(RuleCheck check, RuleState states) {
        S state = states.load(check.stateId(), stateType).orElse(null);
        if (state == null || !condition.test(new RuleCheckOn<>(check, state))) {
            return false;
        }
        raise.accept(new RuleCheckOn<>(check, state));
        return true;
    }

    void confirm(RuleCheck check, RuleState states) {
        states.load(check.stateId(), stateType)
                .filter(state -> !condition.test(new RuleCheckOn<>(check, state)))
                .ifPresent(state -> clear.accept(new RuleCheckOn<>(check, state)));
    }
}
