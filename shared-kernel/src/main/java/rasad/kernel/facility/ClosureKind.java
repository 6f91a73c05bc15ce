package rasad.kernel.facility;

/** How a facility case ends. */
public enum ClosureKind {
    /** The loan was repaid. */
    REPAID,
    /** The loan was recalled, typically after a confirmed diversion. */
    RECALLED,
    /** The loan was written off as unrecoverable. */
    WRITTEN_OFF
}
