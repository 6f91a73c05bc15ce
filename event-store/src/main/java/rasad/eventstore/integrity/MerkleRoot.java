package rasad.eventstore.integrity;

import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle root of a block of positions: one leaf per position, so that an event deleted, inserted, moved
 * to another position or altered anywhere in a sealed block changes the root.
 */
public final class MerkleRoot {

    private MerkleRoot() {}

    public static String leafOfEvent(long position, String eventHash) {
        return EventHash.sha256("event:" + position + ":" + eventHash);
    }

    /** A position that holds no event: a refused or fenced commit. */
    public static String leafOfVoid(long position) {
        return EventHash.sha256("void:" + position);
    }

    public static String of(List<String> leaves) {
        if (leaves.isEmpty()) {
            return EventHash.sha256("empty");
        }
        List<String> level = leaves;
        while (level.size() > 1) {
            List<String> next = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i < level.size(); i += 2) {
                String right = i + 1 < level.size() ? level.get(i + 1) : level.get(i);
                next.add(EventHash.sha256(level.get(i) + right));
            }
            level = next;
        }
        return level.get(0);
    }

    /** Chains a block to the one before it, so a whole sealed block cannot be replaced or dropped. */
    public static String chain(String previousBlockHash, String merkleRoot) {
        return EventHash.sha256(previousBlockHash + merkleRoot);
    }
}
