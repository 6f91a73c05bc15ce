package rasad.eventstore.integrity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import rasad.eventstore.engine.BoundedReads;
import rasad.eventstore.engine.Commits;
import rasad.eventstore.engine.EventStoreCollections;

/**
 * A window of positions as stored: for each position, what the commit covering it holds at that place —
 * found by the commit's {@code _id} and count, never by what an event says of itself — and anything that
 * should not be there (two commits claiming one position, an event beyond its commit's count, a document that
 * is no commit at all).
 */
final class StoreWindow {

    enum Holding {
        EVENT,
        VOID,
        NOTHING,
        WRONG
    }

    /** What is at one position; {@code wrong} says why when the holding is WRONG. */
    record At(long position, Holding holding, long commitId, Document event, BrokenLink wrong) {}

    private final long from;
    private final long to;
    private final Map<Long, At> positions = new HashMap<>();
    /** Placed last: a position another commit rightly covers is still reported as forged into. */
    private final List<At> forgedBeyondCounts = new ArrayList<>();

    private Document spanning;

    private StoreWindow(long from, long to) {
        this.from = from;
        this.to = to;
    }

    /**
     * Reads from..to. {@code carried}, a commit from the window before that reaches into this one, is used
     * instead of looking back; without it, a commit starting before {@code from} is looked for.
     */
    static StoreWindow read(EventStoreCollections store, long from, long to, Document carried) {
        StoreWindow window = new StoreWindow(from, to);
        List<Long> ids = new ArrayList<>();
        for (long p = from; p <= to; p++) {
            ids.add(p);
        }
        List<Document> commits = BoundedReads.byIds(store.commits(), ids);
        if (carried != null) {
            commits.add(carried);
        } else if (from > 1 && commits.stream().noneMatch(commit -> start(commit) == from)) {
            Commits.covering(store, from).filter(commit -> start(commit) < from).ifPresent(commits::add);
        }
        commits.sort(Comparator.comparingLong(StoreWindow::start));
        commits.forEach(window::place);
        window.forgedBeyondCounts.forEach(forged -> window.positions.put(forged.position(), forged));
        return window;
    }

    At at(long position) {
        return positions.getOrDefault(position, new At(position, Holding.NOTHING, 0, null, null));
    }

    /** The commit that reaches beyond this window, to carry into the next one. */
    Document spanning() {
        return spanning;
    }

    private void place(Document commit) {
        long start = start(commit);
        Object countValue = commit.get("count");
        Object state = commit.get("state");
        if (!(countValue instanceof Number count)
                || count.longValue() < 1
                || !(state instanceof String)
                || !("COMMITTED".equals(state) || "ABORTED".equals(state))) {
            wrong(start, start, BrokenLink.Kind.UNREADABLE, "a commit (count, state)", "a document that is not one");
            return;
        }
        boolean committed = "COMMITTED".equals(state);
        Object eventsValue = commit.get("events");
        if (committed && !(eventsValue instanceof List<?>)) {
            wrong(start, start, BrokenLink.Kind.UNREADABLE, "the commit's events", "no list of events");
            return;
        }
        List<?> events = committed ? (List<?>) eventsValue : List.of();
        long end = start + count.longValue() - 1;
        if (end > to) {
            spanning = commit;
        }
        for (long p = Math.max(start, from); p <= Math.min(end, to); p++) {
            At earlier = positions.get(p);
            if (earlier != null && earlier.holding() != Holding.WRONG) {
                wrong(
                        p,
                        start,
                        BrokenLink.Kind.FORGED,
                        "one commit at position " + p,
                        "the commits at " + earlier.commitId() + " and " + start + " both claim it");
                continue;
            }
            int offset = (int) (p - start);
            if (!committed) {
                positions.put(p, new At(p, Holding.VOID, start, null, null));
            } else if (offset < events.size() && events.get(offset) instanceof Document event) {
                positions.put(p, new At(p, Holding.EVENT, start, event, null));
            } else {
                wrong(
                        p,
                        start,
                        BrokenLink.Kind.UNREADABLE,
                        "an event at place " + offset + " of the commit at " + start,
                        offset < events.size() ? "something else" : "the commit holds fewer events than its count");
            }
        }
        for (int extra = (int) count.longValue(); extra < events.size(); extra++) {
            long p = start + extra;
            if (p >= from && p <= to) {
                Document event = events.get(extra) instanceof Document d ? d : null;
                forgedBeyondCounts.add(new At(
                        p,
                        Holding.WRONG,
                        start,
                        event,
                        new BrokenLink(
                                BrokenLink.Kind.FORGED,
                                p,
                                event == null ? null : String.valueOf(event.get("eventId")),
                                null,
                                "at most " + count + " events in the commit at " + start,
                                "an event beyond its count")));
            }
        }
    }

    private void wrong(long position, long commitId, BrokenLink.Kind kind, String expected, String found) {
        positions.put(
                position,
                new At(
                        position,
                        Holding.WRONG,
                        commitId,
                        null,
                        new BrokenLink(kind, position, null, null, expected, found)));
    }

    static long start(Document commit) {
        return commit.get("_id") instanceof Number id ? id.longValue() : -1;
    }
}
