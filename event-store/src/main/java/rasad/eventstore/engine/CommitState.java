package rasad.eventstore.engine;

import org.bson.Document;

/**
 * What a commit document at a position says. A position with no document is not yet resolved: a writer is
 * still on its way, or died, and the sealer fences it after the gap timeout.
 */
public enum CommitState {
    /** The events are there, and always will be: the commit document was inserted whole. */
    COMMITTED,
    /** Nothing is there, ever: a refused commit, or a position fenced after the gap timeout. */
    ABORTED;

    public static CommitState of(Document commit) {
        return valueOf(commit.getString("state"));
    }
}
