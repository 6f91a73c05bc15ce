package rasad.query.audit;

import java.time.Instant;
import java.util.List;
import rasad.eventstore.integrity.BrokenLink;

/**
 * Whether a case's history still matches its fingerprints and its places in the store: every event readable,
 * stored where it says it is, its hash recomputed from what is stored, and every link to the previous event of
 * its aggregate, over every aggregate the case's events belong to; and every indexed position still holding
 * the event indexed there.
 *
 * @param firstBrokenLink null when intact; else the finding at the lowest position
 * @param storeDigest     the chained digest of the store's last sealed block, to note down and re-check later
 * @param sealedBlocks    how many blocks that digest covers
 * @param findings        every finding, in position order (the first is {@code firstBrokenLink})
 */
public record CaseVerification(
        boolean intact,
        int eventsChecked,
        int aggregatesChecked,
        BrokenLink firstBrokenLink,
        String storeDigest,
        long sealedBlocks,
        Instant verifiedAt,
        List<BrokenLink> findings) {}
