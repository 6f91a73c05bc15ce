package rasad.eventstore.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.bson.Document;

/**
 * Reads events in global-position order for tracking processors. A position is resolved when its commit is
 * committed (its events are delivered) or aborted (nothing is there, ever). A position not yet resolved — a
 * commit still being written, or one held back however long — becomes a gap in the token once a later
 * position resolves, and is read again on every fetch until it resolves: so no committed event is skipped,
 * whatever the writers' clocks and however late the commit lands. Every lookup is {@code _id $in}.
 */
final class TrackedReader {

    private final EventStoreCollections store;
    private final PositionCounter counter;
    private final QuietPolling quiet;
    private final Set<Long> commitEnds = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > 4096;
        }
    });

    TrackedReader(EventStoreCollections store, PositionCounter counter, QuietPolling quiet) {
        this.store = store;
        this.counter = counter;
        this.quiet = quiet;
    }

    /** An event was appended through this engine: a reader that has caught up looks at once. */
    void appended() {
        quiet.eventsCame();
    }

    /**
     * Calls {@code deliver} for each committed event after {@code lastToken}, in position order, with the
     * token to store once it is handled; at most about {@code batchSize} positions are read ahead.
     */
    void readAfter(TrackingToken lastToken, int batchSize, Delivery deliver) {
        GapAwareTrackingToken start = gapAware(lastToken);
        long index = start == null ? 0 : start.getIndex();
        TreeSet<Long> gaps = start == null ? new TreeSet<>() : new TreeSet<>(start.getGaps());
        if (index > 0 && !knownEnd(index)) {
            // A processor may have stopped between two events of one commit: the rest of it comes first.
            Document resumed = covering(index).orElse(null);
            long end = resumed == null ? index : start(resumed) + count(resumed) - 1;
            if (end > index) {
                int sent = 0;
                for (Located event : visibleEvents(resumed)) {
                    if (event.position() > index) {
                        sent++;
                        deliver.accept(
                                event.position(),
                                event.event(),
                                GapAwareTrackingToken.newInstance(event.position(), gaps));
                    }
                }
                rememberEnd(end);
                if (sent > 0) {
                    quiet.eventsCame();
                    return;
                }
                index = end;
            }
        }
        // The counter is read only when a window holds nothing to deliver: most batches cost one lookup. A
        // reader that found nothing last time asks the counter alone, and only as often as QuietPolling says.
        long head = Long.MAX_VALUE;
        if (gaps.isEmpty() && quiet.caughtUp(index)) {
            if (!quiet.mayLook()) {
                return;
            }
            head = counter.head();
            if (head <= index) {
                quiet.foundNothingAfter(head);
                return;
            }
        }
        long windowStart = index + 1;
        TreeSet<Long> unresolvedAhead = new TreeSet<>();
        int delivered = 0;
        boolean gapsAsked = false;
        while (delivered == 0 && (windowStart <= head || (!gapsAsked && !gaps.isEmpty()))) {
            if (head == Long.MAX_VALUE && gapsAsked) {
                head = counter.head();
                if (windowStart > head) {
                    break;
                }
            }
            TreeSet<Long> candidates = new TreeSet<>();
            if (!gapsAsked) {
                candidates.addAll(gaps);
                gapsAsked = true;
            }
            long windowEnd =
                    head == Long.MAX_VALUE ? windowStart + batchSize - 1 : Math.min(head, windowStart + batchSize - 1);
            for (long p = windowStart; p <= windowEnd; p++) {
                candidates.add(p);
            }
            Map<Long, Document> commits = new HashMap<>();
            if (!candidates.isEmpty()) {
                BoundedReads.byIds(store.commits(), new ArrayList<>(candidates))
                        .forEach(commit -> commits.put(start(commit), commit));
            }
            long coveredUpTo = index;
            for (long position : candidates) {
                if (position <= index) {
                    Document commit = commits.get(position);
                    if (commit != null) {
                        for (Located event : visibleEvents(commit)) {
                            gaps.remove(event.position());
                            delivered++;
                            deliver.accept(
                                    event.position(), event.event(), GapAwareTrackingToken.newInstance(index, gaps));
                        }
                        removeRange(gaps, position, count(commit));
                    }
                    continue;
                }
                if (position <= coveredUpTo) {
                    continue;
                }
                Document commit = commits.get(position);
                if (commit == null) {
                    unresolvedAhead.add(position);
                    continue;
                }
                gaps.addAll(unresolvedAhead);
                unresolvedAhead.clear();
                long last = position + count(commit) - 1;
                List<Located> events = visibleEvents(commit);
                if (events.isEmpty()) {
                    index = last;
                }
                for (Located event : events) {
                    index = event.position();
                    delivered++;
                    deliver.accept(event.position(), event.event(), GapAwareTrackingToken.newInstance(index, gaps));
                }
                index = Math.max(index, last);
                coveredUpTo = last;
                rememberEnd(last);
            }
            windowStart = Math.max(windowEnd, coveredUpTo) + 1;
        }
        if (delivered > 0) {
            quiet.eventsCame();
        } else if (head != Long.MAX_VALUE
                && windowStart > head
                && gaps.isEmpty()
                && unresolvedAhead.headSet(head, true).isEmpty()) {
            // positions past the head were never handed out: only a reserved one still unwritten keeps it busy
            quiet.foundNothingAfter(head);
        }
    }

    Optional<Document> covering(long position) {
        return Commits.covering(store, position);
    }

    private boolean knownEnd(long position) {
        synchronized (commitEnds) {
            return commitEnds.contains(position);
        }
    }

    /** Positions known to end a commit: a stream going on from its last batch needs no look-back. */
    private void rememberEnd(long position) {
        synchronized (commitEnds) {
            commitEnds.add(position);
        }
    }

    /** What a reader is handed: an event, the position where it is stored, and the token to keep after it. */
    @FunctionalInterface
    interface Delivery {
        void accept(long position, Document event, GapAwareTrackingToken token);
    }

    private record Located(long position, Document event) {}

    /**
     * A commit's events at the positions where they are stored — its {@code _id} plus their place, within its
     * count — never at the positions they claim: a document edited to claim a far position must not move every
     * processor's token past the events still to come. An aborted commit has none.
     */
    private static List<Located> visibleEvents(Document commit) {
        if (CommitState.ABORTED.name().equals(commit.get("state"))
                || !(commit.get("events") instanceof List<?> events)) {
            return List.of();
        }
        long start = start(commit);
        int count = count(commit);
        List<Located> located = new ArrayList<>(Math.min(count, events.size()));
        for (int i = 0; i < Math.min(count, events.size()); i++) {
            if (events.get(i) instanceof Document event) {
                located.add(new Located(start + i, event));
            }
        }
        return located;
    }

    private static int count(Document commit) {
        return (int) Commits.extent(commit);
    }

    private static long start(Document commit) {
        return commit.get("_id") instanceof Number id ? id.longValue() : -1;
    }

    private static void removeRange(SortedSet<Long> gaps, long from, int count) {
        gaps.subSet(from, from + count).clear();
    }

    static GapAwareTrackingToken gapAware(TrackingToken token) {
        TrackingToken unwrapped = WrappedToken.unwrapLowerBound(token);
        if (unwrapped == null) {
            return null;
        }
        if (unwrapped instanceof GapAwareTrackingToken gapAware) {
            return gapAware;
        }
        throw new IllegalArgumentException("Rasad's event store tracks with GapAwareTrackingToken, not " + unwrapped);
    }
}
