package rasad.eventstore.engine;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.Document;

/**
 * Rasad's Axon event storage engine on the MongoDB driver: global positions handed out by the store, commits
 * stored all or nothing without transactions, optimistic concurrency per aggregate sequence, gap-aware
 * tracking that never skips a late commit, hash-chained events, and only {@code _id} lookups, so its costs do
 * not grow with the store. See {@link EventStoreCollections} for the layout, {@link CommitWriter} for the
 * commit protocol and {@link TrackedReader} for reading in order.
 */
public class RasadEventStorageEngine extends BatchingEventStorageEngine {

    /**
     * The metadata key under which a tracked event carries its own global position, added as it is read (never
     * stored): a tracking token's position is the high-water mark, which an event delivered late to fill a gap
     * is below.
     */
    public static final String POSITION_METADATA = "rasad.storePosition";

    /** How far back, in turn, the commits holding asked-for positions are looked for before one by one. */
    private static final int[] LOOK_BACKS = {16, AggregateStreams.WINDOW};

    /** Positions asked for in one lookup when reading a range of the store. */
    private static final int READ_WINDOW = 1000;

    private final EventStoreCollections store;
    private final PositionCounter counter;
    private final AggregateStreams streams;
    private final LastEvents lastEvents;
    private final CommitWriter writer;
    private final TrackedReader tracked;

    protected RasadEventStorageEngine(Builder builder) {
        super(builder);
        this.store = builder.store;
        this.counter = new PositionCounter(store.positions());
        this.lastEvents = new LastEvents();
        this.streams = new AggregateStreams(store);
        this.writer = new CommitWriter(store, counter, streams, builder.clock, builder.nodeId, lastEvents);
        this.tracked = new TrackedReader(store, counter, new QuietPolling(builder.quietPollingUpTo));
        // the one index beyond _id, created at start and idempotent: every engine built is ready to append
        store.ensureIndexes();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        writer.append(events, serializer);
        tracked.appended();
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        SerializedObject<String> payload = serializer.serialize(snapshot.getPayload(), String.class);
        SerializedObject<String> metaData = serializer.serialize(snapshot.getMetaData(), String.class);
        Document document = new Document("_id", snapshot.getAggregateIdentifier())
                .append("aggregateType", snapshot.getType())
                .append("sequence", snapshot.getSequenceNumber())
                .append("eventId", snapshot.getIdentifier())
                .append("timestamp", snapshot.getTimestamp().toString())
                .append("payloadType", payload.getType().getName())
                .append("payloadRevision", payload.getType().getRevision())
                .append("payload", payload.getData())
                .append("metaData", metaData.getData());
        // Only a newer snapshot replaces the stored one; the filter is on _id, so this stays an indexed write.
        try {
            store.snapshots()
                    .replaceOne(
                            and(
                                    eq("_id", snapshot.getAggregateIdentifier()),
                                    lte("sequence", snapshot.getSequenceNumber())),
                            document,
                            new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // the upsert met a newer snapshot under the same _id: the newer one stays
        }
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document snapshot =
                store.snapshots().find(eq("_id", aggregateIdentifier)).first();
        if (snapshot == null) {
            return Stream.empty();
        }
        return Stream.of(new GenericDomainEventEntry<>(
                snapshot.getString("aggregateType"),
                aggregateIdentifier,
                snapshot.get("sequence", Number.class).longValue(),
                snapshot.getString("eventId"),
                snapshot.getString("timestamp"),
                snapshot.getString("payloadType"),
                snapshot.getString("payloadRevision"),
                snapshot.getString("payload"),
                snapshot.getString("metaData")));
    }

    @Override
    protected boolean fetchForAggregateUntilEmpty() {
        return true;
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(
            String aggregateIdentifier, long firstSequenceNumber, int batchSize) {
        List<Document> events = streams.eventsFrom(aggregateIdentifier, firstSequenceNumber, batchSize);
        if (!events.isEmpty()) {
            lastEvents.remember(events.get(events.size() - 1));
        }
        return events.stream().map(RasadEventStorageEngine::entry).toList();
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        List<TrackedEventData<?>> events = new ArrayList<>();
        tracked.readAfter(
                lastToken,
                batchSize,
                (position, event, token) ->
                        events.add(new TrackedDomainEventData<>(token, trackedEntry(position, event))));
        return events;
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        List<Document> events = streams.eventsFrom(aggregateIdentifier, 0, Integer.MAX_VALUE);
        return events.isEmpty()
                ? Optional.empty()
                : Optional.of(events.get(events.size() - 1)
                        .get("sequence", Number.class)
                        .longValue());
    }

    /** Before the first position: a processor starting here reads everything. */
    @Override
    public TrackingToken createTailToken() {
        return GapAwareTrackingToken.newInstance(0, List.of());
    }

    /**
     * At the last position handed out, with every position not yet resolved kept as a gap, so that a commit
     * still in flight when the token is made is not skipped.
     */
    @Override
    public TrackingToken createHeadToken() {
        return tokenBefore(counter.head() + 1);
    }

    /** At the first commit recorded at or after {@code dateTime} (recorded time, server clock). */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        long low = 1;
        long high = counter.head();
        long firstAtOrAfter = high + 1;
        while (low <= high) {
            long middle = (low + high) >>> 1;
            Optional<Document> commit = commitAtOrAfter(middle, high);
            if (commit.isEmpty()) {
                high = middle - 1;
                continue;
            }
            long position = AggregateStreams.position(commit.get());
            if (!Instant.parse(commit.get().getString("recordedAt")).isBefore(dateTime)) {
                firstAtOrAfter = position;
                high = middle - 1;
            } else {
                low = position + commit.get().get("count", Number.class).longValue();
            }
        }
        return tokenBefore(firstAtOrAfter);
    }

    /** When the commit holding a position was recorded (server time); empty for an empty or fenced position. */
    public Optional<Instant> recordedAt(long position) {
        List<Long> candidates = new ArrayList<>();
        for (long p = Math.max(1, position - AggregateStreams.WINDOW + 1); p <= position; p++) {
            candidates.add(p);
        }
        return BoundedReads.byIds(store.commits(), candidates).stream()
                .filter(commit -> AggregateStreams.position(commit)
                                + commit.get("count", Number.class).longValue()
                        > position)
                .filter(commit -> commit.getString("recordedAt") != null)
                .max(Comparator.comparingLong(AggregateStreams::position))
                .map(commit -> Instant.parse(commit.getString("recordedAt")));
    }

    /**
     * Every stored event document from one position to another, in position order: a whole-store fold for an
     * as-of report. Each commit starts at exactly one position, so reading the commits that start in each
     * window of positions, and all of their events, visits every event once, without looking back — whatever
     * positions are still unresolved (a writer on its way).
     */
    public void forEachStoredEvent(long fromPosition, long toPosition, Consumer<Document> action) {
        Commits.covering(store, fromPosition)
                .filter(commit -> AggregateStreams.position(commit) < fromPosition)
                .ifPresent(straddling ->
                        eventsOf(straddling, fromPosition, toPosition).forEach(action));
        for (long from = fromPosition; from <= toPosition; from += READ_WINDOW) {
            List<Long> positions = new ArrayList<>();
            for (long p = from; p <= Math.min(toPosition, from + READ_WINDOW - 1); p++) {
                positions.add(p);
            }
            List<Document> commits = BoundedReads.byIds(store.commits(), positions);
            commits.sort(Comparator.comparingLong(AggregateStreams::position));
            commits.forEach(commit -> eventsOf(commit, fromPosition, toPosition).forEach(action));
        }
    }

    private static List<Document> eventsOf(Document commit, long fromPosition, long toPosition) {
        if (CommitState.of(commit) != CommitState.COMMITTED) {
            return List.of();
        }
        return commit.getList("events", Document.class).stream()
                .filter(event -> AggregateStreams.position(event) >= fromPosition
                        && AggregateStreams.position(event) <= toPosition)
                .toList();
    }

    /** Positions up to {@code distance} before each unresolved wanted one, not asked for yet. */
    private static List<Long> lookBack(Set<Long> wanted, Set<Long> resolved, Set<Long> asked, int distance) {
        List<Long> candidates = new ArrayList<>();
        for (Long position : wanted) {
            if (!resolved.contains(position)) {
                for (long p = Math.max(1, position - distance); p < position; p++) {
                    if (asked.add(p)) {
                        candidates.add(p);
                    }
                }
            }
        }
        return candidates;
    }

    /**
     * What is stored at each of these positions, found by where it is stored — the commit whose {@code _id} and
     * count cover the position, and the event at that place in it — never by the position an event document
     * claims for itself, which whoever moved it may have left as it was. A document edited by hand so that it
     * cannot be read (a count or state of another type, no events) is answered as {@link StoredPosition.Holding#UNREADABLE},
     * never thrown.
     */
    public Map<Long, StoredPosition> storedAt(Collection<Long> positions) {
        TreeSet<Long> wanted = new TreeSet<>(positions);
        Map<Long, StoredPosition> found = new TreeMap<>();
        Set<Long> asked = new HashSet<>(wanted);
        List<Long> candidates = new ArrayList<>(wanted);
        for (int round = 0; !candidates.isEmpty(); round++) {
            BoundedReads.byIds(store.commits(), candidates).forEach(commit -> locate(commit, wanted, found));
            candidates =
                    round < LOOK_BACKS.length ? lookBack(wanted, found.keySet(), asked, LOOK_BACKS[round]) : List.of();
        }
        for (Long position : wanted) {
            if (!found.containsKey(position)) {
                readableCovering(position).ifPresent(commit -> locate(commit, wanted, found));
            }
        }
        for (Long position : wanted) {
            found.putIfAbsent(position, StoredPosition.nothing(position));
        }
        return found;
    }

    private static void locate(Document commit, TreeSet<Long> wanted, Map<Long, StoredPosition> found) {
        OptionalLong id = number(commit.get("_id"));
        if (id.isEmpty()) {
            return; // found by a numeric _id, so never; a commit without a position covers none
        }
        long start = id.getAsLong();
        CommitShape shape = CommitShape.of(commit);
        for (long p : wanted.subSet(start, start + shape.count())) {
            int offset = (int) (p - start);
            StoredPosition here;
            if (shape.unreadable() != null) {
                Object element =
                        shape.events() != null && offset < shape.events().size()
                                ? shape.events().get(offset)
                                : null;
                here = StoredPosition.unreadable(
                        p, start, element instanceof Document d ? d : null, shape.unreadable());
            } else if (shape.aborted()) {
                here = StoredPosition.voided(p, start);
            } else if (offset >= shape.events().size()) {
                here = StoredPosition.nothing(p);
            } else if (shape.events().get(offset) instanceof Document event) {
                String why = LocatedEvent.unreadableBecause(event);
                here = why == null
                        ? StoredPosition.event(p, start, event)
                        : StoredPosition.unreadable(p, start, event, why);
            } else {
                here = StoredPosition.unreadable(p, start, null, "the commit's events hold something not a document");
            }
            StoredPosition earlier = found.get(p);
            // two commits covering one position: one of them was moved or grown; keep the one starting later
            if (earlier == null || earlier.commitId() < start) {
                found.put(p, here);
            }
        }
    }

    /**
     * What a commit document says about its extent, read without trusting its types: a count that is not a
     * number (or beyond what a writer ever stores) falls back to the events it holds, and says so.
     */
    private record CommitShape(long count, boolean aborted, List<?> events, String unreadable) {

        static CommitShape of(Document commit) {
            List<?> events = commit.get("events") instanceof List<?> list ? list : null;
            OptionalLong count = number(commit.get("count"));
            Object state = commit.get("state");
            boolean aborted = CommitState.ABORTED.name().equals(state);
            String unreadable = null;
            long extent;
            if (count.isPresent() && count.getAsLong() >= 1 && count.getAsLong() <= Commits.MAX_EVENTS) {
                extent = count.getAsLong();
            } else {
                extent = events == null || events.isEmpty() ? 1 : Math.min(events.size(), Commits.MAX_EVENTS);
                unreadable = "its commit's count is not a number of events: " + commit.get("count");
            }
            if (!aborted && !CommitState.COMMITTED.name().equals(state)) {
                unreadable = "its commit's state is neither COMMITTED nor ABORTED: " + state;
            } else if (!aborted && events == null) {
                unreadable = "its commit holds no events";
            }
            return new CommitShape(extent, aborted, events, unreadable);
        }
    }

    private static OptionalLong number(Object value) {
        return value instanceof Number number ? OptionalLong.of(number.longValue()) : OptionalLong.empty();
    }

    /** As {@link Commits#covering}, reading each commit's count without trusting its type. */
    private Optional<Document> readableCovering(long position) {
        long lowest = Math.max(1, position - Commits.MAX_EVENTS + 1);
        for (long upper = position; upper >= lowest; upper -= AggregateStreams.WINDOW) {
            List<Long> candidates = new ArrayList<>();
            for (long p = Math.max(lowest, upper - AggregateStreams.WINDOW + 1); p <= upper; p++) {
                candidates.add(p);
            }
            Optional<Document> latest = BoundedReads.byIds(store.commits(), candidates).stream()
                    .filter(commit -> number(commit.get("_id")).isPresent())
                    .max(Comparator.comparingLong(
                            commit -> number(commit.get("_id")).getAsLong()));
            if (latest.isPresent()) {
                Document commit = latest.get();
                return number(commit.get("_id")).getAsLong()
                                        + CommitShape.of(commit).count()
                                > position
                        ? latest
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * Every event of one aggregate where it is stored — its commit's {@code _id} plus its place in the commit —
     * in the order of its commits: what a case's verification re-checks, by location and by content. The commits
     * are found by their stream keys and followed by how many of the aggregate's events each holds within its
     * count, never by the sequences the events claim; a document that cannot be read is located with the reason
     * ({@link LocatedEvent#unreadable()}), never thrown.
     */
    public List<LocatedEvent> locatedStream(String aggregateId) {
        List<LocatedEvent> located = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        long next = 0;
        while (true) {
            long windowEnd = next + AggregateStreams.WINDOW - 1;
            Map<String, Long> keys = new HashMap<>();
            for (long s = next; s <= windowEnd; s++) {
                keys.put(EventStoreCollections.streamKey(aggregateId, s), s);
            }
            TreeMap<Long, Document> commits = new TreeMap<>();
            for (Document commit :
                    BoundedReads.find(store.commits(), in("keys", new ArrayList<>(keys.keySet())), keys.size())) {
                if (commit.get("keys") instanceof List<?> commitKeys) {
                    commitKeys.stream()
                            .filter(keys::containsKey)
                            .findFirst()
                            .ifPresent(key -> commits.putIfAbsent(keys.get(key), commit));
                }
            }
            long reached = next;
            for (Map.Entry<Long, Document> entry : commits.entrySet()) {
                if (seen.add(entry.getValue().get("_id"))) {
                    int within = locateIn(entry.getValue(), aggregateId, located);
                    reached = Math.max(reached, entry.getKey() + Math.max(within, 1));
                }
            }
            if (commits.isEmpty() || reached <= windowEnd) {
                return located; // the next commit would have started inside the window: there is none
            }
            next = reached;
        }
    }

    /** Adds the aggregate's events of one commit; answers how many of them lie within the commit's count. */
    private static int locateIn(Document commit, String aggregateId, List<LocatedEvent> located) {
        OptionalLong id = number(commit.get("_id"));
        long start = id.orElse(0);
        CommitShape shape = CommitShape.of(commit);
        String commitProblem =
                id.isEmpty() ? "its commit's _id is not a position: " + commit.get("_id") : shape.unreadable();
        if (shape.events() == null) {
            located.add(new LocatedEvent(start, start, true, null, commitProblem));
            return 0;
        }
        int within = 0;
        for (int i = 0; i < shape.events().size(); i++) {
            Object element = shape.events().get(i);
            Document event = element instanceof Document d ? d : null;
            if (event != null && !aggregateId.equals(event.get("aggregateId"))) {
                continue;
            }
            boolean inside = i < shape.count();
            String why = commitProblem != null
                    ? commitProblem
                    : event == null
                            ? "the commit's events hold something not a document"
                            : LocatedEvent.unreadableBecause(event);
            located.add(new LocatedEvent(start + i, start, inside, event, why));
            if (inside) {
                within++;
            }
        }
        return within;
    }

    /**
     * A stored event document as the message the processors received, upcast to the current revision: what
     * the as-of views fold through the projections. Empty if an upcaster dropped it.
     */
    public Optional<DomainEventMessage<?>> message(Document storedEvent) {
        return EventStreamUtils.asStream(EventStreamUtils.upcastAndDeserializeDomainEvents(
                        Stream.of(entry(storedEvent)), getEventSerializer(), upcasterChain))
                .<DomainEventMessage<?>>map(message -> message)
                .findFirst();
    }

    /** The highest global position handed out: the "N" in "n of N events". */
    public long headPosition() {
        return counter.head();
    }

    private Optional<Document> commitAtOrAfter(long from, long to) {
        List<Long> candidates = new ArrayList<>();
        for (long p = from; p <= Math.min(to, from + AggregateStreams.WINDOW - 1); p++) {
            candidates.add(p);
        }
        return BoundedReads.byIds(store.commits(), candidates).stream()
                .min(Comparator.comparingLong(AggregateStreams::position));
    }

    /**
     * Just before a position: every resolved position below it is behind the token, every unresolved one a gap
     * (a commit still in flight is not skipped). Positions are resolved by commits that may start before the
     * look-back window; if the last position itself is unresolved, the token stops at the last resolved one.
     */
    private TrackingToken tokenBefore(long position) {
        long index = position - 1;
        if (index <= 0) {
            return GapAwareTrackingToken.newInstance(0, List.of());
        }
        long from = Math.max(1, index - AggregateStreams.WINDOW + 1);
        List<Long> candidates = new ArrayList<>();
        for (long p = from; p <= index; p++) {
            candidates.add(p);
        }
        List<Document> commits = BoundedReads.byIds(store.commits(), candidates);
        tracked.covering(from).ifPresent(commits::add);
        TreeSet<Long> resolved = new TreeSet<>();
        for (Document commit : commits) {
            long start = AggregateStreams.position(commit);
            for (long p = start; p < start + commit.get("count", Number.class).longValue(); p++) {
                resolved.add(p);
            }
        }
        long lastResolved = resolved.isEmpty() ? from - 1 : Math.min(index, resolved.floor(index));
        TreeSet<Long> gaps = new TreeSet<>();
        for (long p = from; p < lastResolved; p++) {
            if (!resolved.contains(p)) {
                gaps.add(p);
            }
        }
        return GapAwareTrackingToken.newInstance(Math.max(lastResolved, 0), gaps);
    }

    /**
     * The metadata key a tracked event carries when its stored document cannot be read as written (a sequence
     * as text, metadata not JSON): why. The event is still delivered — a processor that stopped at it would stop
     * every read model behind it — with what could be read; its verification reports it UNREADABLE.
     */
    public static final String UNREADABLE_METADATA = "rasad.unreadable";

    /**
     * As {@link #entry}, with the event's global position in its metadata ({@link #POSITION_METADATA}); never
     * throws on a document edited by hand (see {@link #UNREADABLE_METADATA}).
     */
    private static GenericDomainEventEntry<String> trackedEntry(long position, Document event) {
        String why = LocatedEvent.unreadableBecause(event);
        String marked = "\"" + POSITION_METADATA + "\":" + position;
        Object stored = event.get("metaData");
        String metaData = stored instanceof String text ? text.trim() : "";
        String withPosition;
        if (why != null && why.startsWith("metaData") || !metaData.isEmpty() && !metaData.startsWith("{")) {
            withPosition = "{" + marked + ",\"" + UNREADABLE_METADATA + "\":" + jsonString(why) + "}";
        } else if (metaData.isEmpty() || metaData.equals("{}")) {
            withPosition = why == null
                    ? "{" + marked + "}"
                    : "{" + marked + ",\"" + UNREADABLE_METADATA + "\":" + jsonString(why) + "}";
        } else {
            withPosition = "{" + marked + (why == null ? "" : ",\"" + UNREADABLE_METADATA + "\":" + jsonString(why))
                    + "," + metaData.substring(1);
        }
        return new GenericDomainEventEntry<>(
                text(event, "aggregateType"),
                text(event, "aggregateId"),
                lenientSequence(event.get("sequence")),
                text(event, "eventId"),
                text(event, "timestamp"),
                text(event, "payloadType"),
                text(event, "payloadRevision"),
                text(event, "payload"),
                withPosition);
    }

    private static long lenientSequence(Object sequence) {
        if (sequence instanceof Number number) {
            return number.longValue();
        }
        try {
            return sequence instanceof String text ? Long.parseLong(text.trim()) : 0;
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    private static String text(Document event, String field) {
        return event.get(field) instanceof String text ? text : null;
    }

    private static String jsonString(String text) {
        return "\""
                + String.valueOf(text)
                        .replaceAll("\\p{Cntrl}", " ")
                        .replace("\\", "\\\\")
                        .replace("\"", "\\\"") + "\"";
    }

    /** The global position a tracked event was stored at, as {@link #POSITION_METADATA} carries it. */
    public static OptionalLong positionOf(EventMessage<?> tracked) {
        Object position = tracked.getMetaData().get(POSITION_METADATA);
        return position instanceof Number number ? OptionalLong.of(number.longValue()) : OptionalLong.empty();
    }

    private static GenericDomainEventEntry<String> entry(Document event) {
        return new GenericDomainEventEntry<>(
                event.getString("aggregateType"),
                event.getString("aggregateId"),
                event.get("sequence", Number.class).longValue(),
                event.getString("eventId"),
                event.getString("timestamp"),
                event.getString("payloadType"),
                event.getString("payloadRevision"),
                event.getString("payload"),
                event.getString("metaData"));
    }

    /** Builds the engine; the collections are required, the rest has defaults. */
    public static class Builder extends BatchingEventStorageEngine.Builder {

        private EventStoreCollections store;
        private Clock clock = Clock.systemUTC();
        private String nodeId = "rasad";
        private Duration quietPollingUpTo = Duration.ZERO;

        public Builder store(EventStoreCollections store) {
            this.store = store;
            return this;
        }

        /** The recording clock: server time, never the order of events. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder nodeId(String nodeId) {
            this.nodeId = nodeId;
            return this;
        }

        /**
         * The longest a caught-up reader waits between looks for other processes' events while none come (see
         * {@link QuietPolling}); zero, the default, looks every time it is asked.
         */
        public Builder quietPollingUpTo(Duration longest) {
            this.quietPollingUpTo = longest;
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        public RasadEventStorageEngine build() {
            if (store == null) {
                throw new IllegalStateException("the event store collections are required");
            }
            return new RasadEventStorageEngine(this);
        }
    }
}
