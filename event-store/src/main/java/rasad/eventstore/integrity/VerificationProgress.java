package rasad.eventstore.integrity;

/**
 * What a verification reports while it runs: how far it got, and each sealed block's chained digest as it is
 * recomputed (so that a digest an auditor noted down earlier can be compared with the one recomputed now).
 */
public interface VerificationProgress {

    VerificationProgress NONE = new VerificationProgress() {};

    /** Every position up to {@code position} of {@code head} is checked; {@code events} events so far. */
    default void checked(long position, long head, long events) {}

    /** Block {@code block}'s chained digest, recomputed from the events, matched what was sealed. */
    default void blockVerified(long block, String chained) {}
}
