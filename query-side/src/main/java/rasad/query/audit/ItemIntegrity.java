package rasad.query.audit;

/**
 * The integrity of one event of a case's history, computed from that event alone (its hash recomputed, its
 * place in its commit against the position it claims); the case's verification checks the links between them.
 */
public enum ItemIntegrity {
    OK,
    /** Its content no longer matches its own hash. */
    ALTERED,
    /** It is stored at another position than the one it claims. */
    MOVED,
    /** It sits where no event was written: the case's verification found it forged in. */
    FORGED,
    /** It cannot be read as an event: shown with what could be read, and why. */
    UNREADABLE
}
