package rasad.query.processing;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * How each requested rebuild went on the query side, by rebuild id ({@code read_model_rebuilds}): requested (marked,
 * waiting for the instance that holds the processor), started (into which generation, by which instance), switched
 * over, or refused and why. These are the query side's observations, not events (the query side writes none): the
 * request itself, with who asked and why, is the event {@code ReadModelRebuildRequested}.
 * <p>Statuses only move forward: a request is recorded only if nothing is recorded yet for its id.
 */
@Component
public class RebuildProgress {

    static final String COLLECTION = "read_model_rebuilds";

    /** Where a rebuild stands. */
    public enum Status {
        REQUESTED,
        STARTED,
        SWITCHED_OVER,
        REFUSED
    }

    /** One rebuild as the query side saw it. */
    public record Progress(
            String rebuildId,
            String readModel,
            Status status,
            Instant markedAt,
            Instant startedAt,
            Integer generation,
            String startedBy,
            Instant switchedOverAt,
            String refusalRule,
            String refusal,
            String waiting,
            Instant lastAttemptAt) {}

    private final MongoCollection<Document> rebuilds;
    private final Clock clock;

    RebuildProgress(MongoDatabase database, Clock clock) {
        this.rebuilds = database.getCollection(COLLECTION);
        this.clock = clock;
    }

    public Map<String, Progress> of(Collection<String> rebuildIds) {
        Map<String, Progress> found = new HashMap<>();
        if (!rebuildIds.isEmpty()) {
            rebuilds.find(in("_id", List.copyOf(rebuildIds)))
                    .forEach(document -> found.put(document.getString("_id"), progress(document)));
        }
        return found;
    }

    public Optional<Progress> of(String rebuildId) {
        return Optional.ofNullable(rebuilds.find(eq("_id", rebuildId)).first()).map(RebuildProgress::progress);
    }

    void requested(String rebuildId, String readModel) {
        rebuilds.updateOne(
                eq("_id", rebuildId),
                Updates.combine(
                        Updates.setOnInsert("readModel", readModel),
                        Updates.setOnInsert("status", Status.REQUESTED.name()),
                        Updates.setOnInsert("markedAt", now())),
                new UpdateOptions().upsert(true));
    }

    void refused(String rebuildId, String readModel, String rule, String why) {
        rebuilds.updateOne(
                eq("_id", rebuildId),
                Updates.combine(
                        Updates.setOnInsert("readModel", readModel),
                        Updates.setOnInsert("status", Status.REFUSED.name()),
                        Updates.setOnInsert("refusalRule", rule),
                        Updates.setOnInsert("refusal", why),
                        Updates.setOnInsert("markedAt", now())),
                new UpdateOptions().upsert(true));
    }

    /** An attempt that could not start a requested rebuild (another instance holds the processor's segments). */
    void waiting(String rebuildId, String why) {
        rebuilds.updateOne(
                Filters.and(eq("_id", rebuildId), eq("status", Status.REQUESTED.name())),
                Updates.combine(Updates.set("waiting", why), Updates.set("lastAttemptAt", now())));
    }

    /** A start given up (the processor could not be reset): requested again. */
    void restarting(String rebuildId, String readModel, String why) {
        set(
                rebuildId,
                readModel,
                Updates.set("status", Status.REQUESTED.name()),
                Updates.set("waiting", why),
                Updates.set("lastAttemptAt", now()));
    }

    void started(String rebuildId, String readModel, int generation, String instance) {
        set(
                rebuildId,
                readModel,
                Updates.set("status", Status.STARTED.name()),
                Updates.set("startedAt", now()),
                Updates.set("generation", generation),
                Updates.set("startedBy", instance),
                Updates.unset("waiting"));
    }

    void switchedOver(String rebuildId, String readModel) {
        set(
                rebuildId,
                readModel,
                Updates.set("status", Status.SWITCHED_OVER.name()),
                Updates.set("switchedOverAt", now()));
    }

    private void set(String rebuildId, String readModel, Bson... updates) {
        List<Bson> all = new ArrayList<>(List.of(updates));
        all.add(Updates.set("readModel", readModel));
        rebuilds.updateOne(eq("_id", rebuildId), Updates.combine(all), new UpdateOptions().upsert(true));
    }

    private Date now() {
        return Date.from(clock.instant());
    }

    private static Progress progress(Document document) {
        return new Progress(
                document.getString("_id"),
                document.getString("readModel"),
                Status.valueOf(document.getString("status")),
                instant(document, "markedAt"),
                instant(document, "startedAt"),
                document.getInteger("generation"),
                document.getString("startedBy"),
                instant(document, "switchedOverAt"),
                document.getString("refusalRule"),
                document.getString("refusal"),
                document.getString("waiting"),
                instant(document, "lastAttemptAt"));
    }

    private static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
