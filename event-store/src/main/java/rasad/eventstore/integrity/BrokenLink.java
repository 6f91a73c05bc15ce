package rasad.eventstore.integrity;

/**
 * The first place where the stored history does not match its fingerprints.
 *
 * @param kind      what is wrong
 * @param position  the global position where it shows
 * @param eventId   the event there, when there is one
 * @param aggregate the aggregate and sequence concerned, when known
 * @param expected  the hash the chain says should be there
 * @param found     the hash found (or recomputed from what is stored)
 */
public record BrokenLink(Kind kind, long position, String eventId, String aggregate, String expected, String found) {

    public enum Kind {
        /** The event's content no longer matches its own hash: payload, metadata or times were altered. */
        ALTERED,
        /** The event does not follow the one before it in its aggregate: one was deleted, inserted or moved. */
        BROKEN_CHAIN,
        /** An event sits at a position other than the one it was written at. */
        MOVED,
        /** A position in a sealed block holds nothing and was never fenced: an event was deleted. */
        MISSING,
        /**
         * A position of a sealed block no longer holds what was sealed there (an event moved, swapped, inserted
         * or removed), or the block's root no longer matches its leaves.
         */
        BLOCK_ROOT_MISMATCH,
        /** A sealed block no longer chains to the one before it. */
        BLOCK_CHAIN_BROKEN,
        /**
         * An event where no event was written: beyond its commit's count, or at a position another commit
         * already covers.
         */
        FORGED,
        /** A stored document that cannot be read as an event: a field of the wrong type, metadata not JSON. */
        UNREADABLE,
        /** A seal whose signature does not verify with any trusted public key, or is signed by an unknown key. */
        BAD_SIGNATURE
    }
}
