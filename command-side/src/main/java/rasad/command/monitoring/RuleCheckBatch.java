package rasad.command.monitoring;

import java.util.List;

/**
 * Checks already due when the rules scheduled them — an import of a past year makes thousands — gathered per
 * batch of the processor into one deadline, which waits once for the rules to catch up and then runs them all.
 */
record RuleCheckBatch(List<RuleCheck> checks, Long waitForPosition) {

    RuleCheckBatch waitingFor(long position) {
        return new RuleCheckBatch(checks, position);
    }
}
