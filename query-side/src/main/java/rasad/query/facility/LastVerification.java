package rasad.query.facility;

import java.time.Instant;

/**
 * When a case's history was last verified, how it came out and over what: {@code case} (the case's own
 * verification) or {@code store} (a whole-store verification that finished later, covering the case too).
 *
 * @param firstBrokenLink null when intact
 */
public record LastVerification(Instant verifiedAt, boolean intact, BrokenAt firstBrokenLink, String scope) {

    /** Where the first broken link showed: its kind ({@code MOVED}, {@code FORGED}, …) and global position. */
    public record BrokenAt(String kind, long position) {}
}
