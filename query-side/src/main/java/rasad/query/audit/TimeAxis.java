package rasad.query.audit;

/**
 * The two times of every event. An inspector's visit captured offline on Monday and synchronised on Thursday
 * happened (business time) on Monday and was recorded on Thursday: as of Tuesday it was true, but not known.
 */
public enum TimeAxis {
    /** What Rasad knew at the instant: events recorded by then. */
    RECORDED,
    /** What was true at the instant, as far as Rasad knows now: events that happened by then. */
    BUSINESS
}
