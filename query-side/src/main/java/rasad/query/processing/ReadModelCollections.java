package rasad.query.processing;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The collections each read model lives in, by generation, so that a read model can be rebuilt into fresh
 * collections while queries keep answering from the old ones.
 * <p>Generation 0 is the plain collection name; generation n is {@code name__gn}. {@code read_model_generations}
 * holds, per processing group, the generation queries read ({@code live}), during a rebuild the one the
 * processor writes ({@code building}) and the rebuild's id ({@code rebuildId}), and a rebuild requested but not
 * started yet ({@code requested}: its id and when it was marked). Every change is a compare-and-set of the whole
 * document, so that of several instances exactly one marks, starts or switches a rebuild. Every instance reads that
 * document at most once a second, so all instances switch within a second of each other.
 */
@Component
public class ReadModelCollections {

    static final String GENERATIONS = "read_model_generations";
    private static final Duration FRESH_FOR = Duration.ofSeconds(1);

    /** A rebuildable read model: its processing group, its collections, and how to index a fresh one. */
    public record ReadModel(
            String processingGroup, List<String> collections, Consumer<MongoCollection<Document>> indexes) {}

    /** A rebuild asked for and not started yet. */
    record Requested(String rebuildId, Instant markedAt) {}

    /**
     * {@code reset}: the running rebuild's processor tokens were reset (it replays into {@code building}); a rebuild
     * opened but not reset yet (its starter died in between) is completed by the next holder before it may switch.
     * {@code changedAt}: when the document last changed (not compared).
     */
    record Generations(
            int live, Integer building, String rebuildId, boolean reset, Requested requested, Instant changedAt) {

        Generations(int live, Integer building, String rebuildId, boolean reset, Requested requested) {
            this(live, building, rebuildId, reset, requested, null);
        }

        int written() {
            return building == null ? live : building;
        }

        /** Whether this rebuild is the one requested or the one running. */
        boolean concerns(String id) {
            return id.equals(rebuildId) || requested != null && id.equals(requested.rebuildId());
        }
    }

    /** How marking a request went: marked now or before ({@code ALREADY}), or refused as another is pending or running. */
    enum Marking {
        MARKED,
        ALREADY,
        BUSY
    }

    private record Cached(Generations generations, Instant readAt) {}

    private final MongoDatabase database;
    private final MongoCollection<Document> generations;
    private final Clock clock;
    private final Map<String, ReadModel> readModels = new ConcurrentHashMap<>();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public ReadModelCollections(MongoDatabase database, Clock clock) {
        this.database = database;
        this.generations = database.getCollection(GENERATIONS);
        this.clock = clock;
    }

    /** Declares a read model; its live collections are indexed now. */
    public void register(ReadModel readModel) {
        readModels.put(readModel.processingGroup(), readModel);
        int live = generations(readModel.processingGroup()).live();
        readModel.collections().forEach(name -> readModel.indexes().accept(database.getCollection(named(name, live))));
    }

    /** The collection a query reads. */
    public MongoCollection<Document> forQueries(String processingGroup, String name) {
        return database.getCollection(named(name, generations(processingGroup).live()));
    }

    /** The collection the processor writes: the fresh one while a rebuild runs. */
    public MongoCollection<Document> forProjection(String processingGroup, String name) {
        return database.getCollection(named(name, generations(processingGroup).written()));
    }

    Optional<ReadModel> readModel(String processingGroup) {
        return Optional.ofNullable(readModels.get(processingGroup));
    }

    /** The processing groups of the rebuildable read models. */
    Set<String> rebuildable() {
        return readModels.keySet();
    }

    Generations generations(String processingGroup) {
        Cached cached = cache.get(processingGroup);
        Instant now = clock.instant();
        if (cached != null && Duration.between(cached.readAt(), now).compareTo(FRESH_FOR) < 0) {
            return cached.generations();
        }
        return remember(
                processingGroup, generations.find(eq("_id", processingGroup)).first(), now);
    }

    /** Every read model's generations in one lookup, for a pass over all of them. */
    void refreshGenerations() {
        Instant now = clock.instant();
        Map<String, Document> stored = new HashMap<>();
        generations.find().forEach(document -> stored.put(document.getString("_id"), document));
        readModels.keySet().forEach(group -> remember(group, stored.get(group), now));
    }

    private Generations remember(String processingGroup, Document stored, Instant now) {
        Document requested = stored == null ? null : stored.get("requested", Document.class);
        Date changedAt = stored == null ? null : stored.getDate("changedAt");
        Generations current = stored == null
                ? new Generations(0, null, null, false, null)
                : new Generations(
                        stored.getInteger("live", 0),
                        stored.getInteger("building"),
                        stored.getString("rebuildId"),
                        Boolean.TRUE.equals(stored.getBoolean("reset")),
                        requested == null
                                ? null
                                : new Requested(
                                        requested.getString("rebuildId"),
                                        requested.getDate("markedAt").toInstant()),
                        changedAt == null ? null : changedAt.toInstant());
        cache.put(processingGroup, new Cached(current, now));
        return current;
    }

    /**
     * Marks a rebuild as requested, unless one is requested or running already (several instances may be asked the
     * same at once: the marking is a compare-and-set). Answers the other rebuild's id with {@code BUSY}.
     */
    Map.Entry<Marking, String> markRequested(String processingGroup, String rebuildId) {
        for (int attempt = 0; attempt < 10; attempt++) {
            Generations current = fresh(processingGroup);
            if (current.concerns(rebuildId)) {
                return Map.entry(Marking.ALREADY, rebuildId);
            }
            if (current.requested() != null || current.building() != null) {
                String other = current.requested() != null ? current.requested().rebuildId() : current.rebuildId();
                return Map.entry(Marking.BUSY, other == null ? "(unnamed)" : other);
            }
            if (compareAndSet(
                    processingGroup,
                    current,
                    new Generations(current.live(), null, null, false, new Requested(rebuildId, clock.instant())))) {
                return Map.entry(Marking.MARKED, rebuildId);
            }
        }
        throw new IllegalStateException("could not mark rebuild " + rebuildId + " of " + processingGroup
                + ": the generations document kept changing");
    }

    /**
     * Starts the requested rebuild: generation live+1 is opened for writing and the request becomes the running
     * rebuild, not reset yet. The caller holds the processor's segments and has stopped it. Answers the state after
     * the change, or empty if another instance changed the document first.
     */
    Optional<Generations> beginRequested(ReadModel readModel, Generations expected) {
        if (expected.requested() == null || expected.building() != null) {
            return Optional.empty();
        }
        Generations begun = new Generations(
                expected.live(), expected.live() + 1, expected.requested().rebuildId(), false, null);
        return compareAndSet(readModel.processingGroup(), expected, begun)
                ? Optional.of(fresh(readModel.processingGroup()))
                : Optional.empty();
    }

    /** Empties the generation being built (leftovers of an abandoned or interrupted start) and indexes it. */
    void prepareBuilding(ReadModel readModel, int generation) {
        readModel.collections().forEach(name -> {
            MongoCollection<Document> fresh = database.getCollection(named(name, generation));
            fresh.drop();
            readModel.indexes().accept(fresh);
        });
    }

    /** The running rebuild's tokens are reset: it may switch over once it has replayed. */
    boolean markReset(ReadModel readModel, Generations expected) {
        return compareAndSet(
                readModel.processingGroup(),
                expected,
                new Generations(
                        expected.live(), expected.building(), expected.rebuildId(), true, expected.requested()));
    }

    /**
     * Queries move to the rebuilt generation; the old collections are dropped. Answers the id of the rebuild switched
     * over ({@code ""} for one that had none), or empty when there was nothing to switch or another instance did.
     */
    Optional<String> switchOver(ReadModel readModel) {
        Generations current = fresh(readModel.processingGroup());
        if (current.building() == null || !current.reset()) {
            return Optional.empty();
        }
        if (!compareAndSet(
                readModel.processingGroup(),
                current,
                new Generations(current.building(), null, null, false, current.requested()))) {
            return Optional.empty();
        }
        readModel
                .collections()
                .forEach(name ->
                        database.getCollection(named(name, current.live())).drop());
        return Optional.of(current.rebuildId() == null ? "" : current.rebuildId());
    }

    /**
     * Gives up a rebuild whose processor could not be reset: the processor goes on writing the live generation and
     * the rebuild is requested again, to be retried.
     */
    void abandonRebuild(ReadModel readModel) {
        Generations current = fresh(readModel.processingGroup());
        if (current.building() != null) {
            compareAndSet(
                    readModel.processingGroup(),
                    current,
                    new Generations(
                            current.live(),
                            null,
                            null,
                            false,
                            current.rebuildId() == null ? null : new Requested(current.rebuildId(), clock.instant())));
        }
    }

    Generations fresh(String processingGroup) {
        cache.remove(processingGroup);
        return generations(processingGroup);
    }

    private boolean compareAndSet(String processingGroup, Generations expected, Generations next) {
        Document replacement = new Document("_id", processingGroup)
                .append("live", next.live())
                .append("building", next.building())
                .append("changedAt", Date.from(clock.instant()));
        if (next.rebuildId() != null) {
            replacement.append("rebuildId", next.rebuildId());
        }
        if (next.reset()) {
            replacement.append("reset", true);
        }
        if (next.requested() != null) {
            replacement.append(
                    "requested",
                    new Document("rebuildId", next.requested().rebuildId())
                            .append("markedAt", Date.from(next.requested().markedAt())));
        }
        boolean changed;
        if (expected.live() == 0
                && expected.building() == null
                && expected.rebuildId() == null
                && !expected.reset()
                && expected.requested() == null
                && generations.find(eq("_id", processingGroup)).first() == null) {
            try {
                generations.insertOne(replacement);
                changed = true;
            } catch (MongoWriteException lostRace) {
                changed = false;
            }
        } else {
            changed = generations
                            .replaceOne(
                                    and(
                                            eq("_id", processingGroup),
                                            eq("live", expected.live()),
                                            eq("building", expected.building()),
                                            eq("rebuildId", expected.rebuildId()),
                                            eq("reset", expected.reset() ? Boolean.TRUE : null),
                                            eq(
                                                    "requested.rebuildId",
                                                    expected.requested() == null
                                                            ? null
                                                            : expected.requested()
                                                                    .rebuildId())),
                                    replacement,
                                    new ReplaceOptions())
                            .getModifiedCount()
                    == 1;
        }
        cache.remove(processingGroup);
        return changed;
    }

    static String named(String name, int generation) {
        return generation == 0 ? name : name + "__g" + generation;
    }
}
