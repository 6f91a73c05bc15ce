package rasad.query.processing;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The collections each read model lives in, by generation, so that a read model can be rebuilt into fresh
 * collections while queries keep answering from the old ones.
 * <p>Generation 0 is the plain collection name; generation n is {@code name__gn}. {@code read_model_generations}
 * holds, per processing group, the generation queries read ({@code live}) and, during a rebuild, the one the
 * processor writes ({@code building}). Every instance reads that document at most once a second, so all
 * instances switch within a second of each other.
 */
@Component
public class ReadModelCollections {

    static final String GENERATIONS = "read_model_generations";
    private static final Duration FRESH_FOR = Duration.ofSeconds(1);

    /** A rebuildable read model: its processing group, its collections, and how to index a fresh one. */
    public record ReadModel(String processingGroup, List<String> collections, Consumer<MongoCollection<Document>> indexes) {
    }

    record Generations(int live, Integer building) {
        int written() {
            return building == null ? live : building;
        }
    }

    private record Cached(Generations generations, Instant readAt) {
    }

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

    Generations generations(String processingGroup) {
        Cached cached = cache.get(processingGroup);
        Instant now = clock.instant();
        if (cached != null && Duration.between(cached.readAt(), now).compareTo(FRESH_FOR) < 0) {
            return cached.generations();
        }
        Document stored = generations.find(eq("_id", processingGroup)).first();
        Generations current = stored == null ? new Generations(0, null)
                : new Generations(stored.getInteger("live", 0), stored.getInteger("building"));
        cache.put(processingGroup, new Cached(current, now));
        return current;
    }

    /**
     * Opens generation live+1 for writing, emptied and indexed. Answers false if a rebuild already runs (here
     * or on another instance): the change is a compare-and-set on the stored document.
     */
    boolean beginRebuild(ReadModel readModel) {
        Generations current = fresh(readModel.processingGroup());
        if (current.building() != null) {
            return false;
        }
        int next = current.live() + 1;
        readModel.collections().forEach(name -> {
            MongoCollection<Document> fresh = database.getCollection(named(name, next));
            fresh.drop(); // leftovers of an abandoned rebuild
            readModel.indexes().accept(fresh);
        });
        return compareAndSet(readModel.processingGroup(), current, new Generations(current.live(), next));
    }

    /** Queries move to the rebuilt generation; the old collections are dropped. */
    boolean switchOver(ReadModel readModel) {
        Generations current = fresh(readModel.processingGroup());
        if (current.building() == null) {
            return false;
        }
        if (!compareAndSet(readModel.processingGroup(), current, new Generations(current.building(), null))) {
            return false;
        }
        readModel.collections().forEach(name -> database.getCollection(named(name, current.live())).drop());
        return true;
    }

    /** Gives up a rebuild that could not start: the processor goes on writing the live generation. */
    void abandonRebuild(ReadModel readModel) {
        Generations current = fresh(readModel.processingGroup());
        if (current.building() != null) {
            compareAndSet(readModel.processingGroup(), current, new Generations(current.live(), null));
        }
    }

    private Generations fresh(String processingGroup) {
        cache.remove(processingGroup);
        return generations(processingGroup);
    }

    private boolean compareAndSet(String processingGroup, Generations expected, Generations next) {
        Document replacement = new Document("_id", processingGroup).append("live", next.live())
                .append("building", next.building()).append("changedAt", java.util.Date.from(clock.instant()));
        boolean changed;
        if (expected.live() == 0 && expected.building() == null
                && generations.find(eq("_id", processingGroup)).first() == null) {
            try {
                generations.insertOne(replacement);
                changed = true;
            } catch (com.mongodb.MongoWriteException lostRace) {
                changed = false;
            }
        } else {
            changed = generations.replaceOne(and(eq("_id", processingGroup), eq("live", expected.live()),
                    eq("building", expected.building())), replacement, new ReplaceOptions()).getModifiedCount() == 1;
        }
        cache.remove(processingGroup);
        return changed;
    }

    static String named(String name, int generation) {
        return generation == 0 ? name : name + "__g" + generation;
    }
}
