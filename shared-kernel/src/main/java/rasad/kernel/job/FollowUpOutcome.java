package rasad.kernel.job;

/** What a sustainability follow-up found. */
public enum FollowUpOutcome {
    STILL_ACTIVE,
    ENDED,
    UNREACHABLE
}
