package rasad.query.audit;

import java.time.Instant;
import rasad.eventstore.integrity.BrokenLink;

/**
 * Whether a case's history still matches its fingerprints: every event's hash recomputed from what is stored,
 * and every link to the previous event of its aggregate, over every aggregate the case's events belong to.
 *
 * @param firstBrokenLink null when intact
 * @param storeDigest     the chained digest of the store's last sealed block, to note down and re-check later
 * @param sealedBlocks    how many blocks that digest covers
 */
public record CaseVerification(boolean intact, int eventsChecked, int aggregatesChecked, BrokenLink firstBrokenLink,
                               String storeDigest, long sealedBlocks, Instant verifiedAt) {
}
