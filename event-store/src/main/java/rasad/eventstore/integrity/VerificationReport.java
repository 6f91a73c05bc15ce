package rasad.eventstore.integrity;

import java.util.Optional;

/**
 * The result of verifying the store: how much was checked, and the first broken link if any. The digest
 * (the chained hash of the last sealed block) is what an auditor notes down to re-check later that nothing
 * before it changed.
 */
public record VerificationReport(
        long positionsChecked,
        long eventsChecked,
        long blocksChecked,
        String digest,
        Optional<BrokenLink> firstBrokenLink) {

    public boolean intact() {
        return firstBrokenLink.isEmpty();
    }
}
