package rasad.command.monitoring;

import java.util.List;

/**
 * The checks one deadline runs: a check due in the future alone; checks already due when the rules scheduled
 * them (an import of a past year makes thousands) gathered per batch of the processor. {@code waitForPosition}
 * is set when the deadline first ran: the position the event store had reached then, which the rules must have
 * processed before the checks decide.
 */
record RuleCheckBatch(List<RuleCheck> checks, Long waitForPosition) {

    RuleCheckBatch waitingFor(long position) {
        return new RuleCheckBatch(checks, position);
    }
}
