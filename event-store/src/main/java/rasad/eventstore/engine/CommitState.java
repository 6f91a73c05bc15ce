package rasad.eventstore.engine;

import org.bson.Document;

/** Where a commit document stands. Only COMMITTED commits are ever read as events. */
public enum CommitState {
    /** Written, its stream keys being claimed; not yet visible. */
    PENDING,
    /** The commit point: set by one conditional update, after every stream key was claimed. */
    COMMITTED,
    /** Refused (a concurrent writer won) or fenced (it took longer than the gap timeout): never visible. */
    ABORTED;

    public static CommitState of(Document commit) {
        return valueOf(commit.getString("state"));
    }
}
