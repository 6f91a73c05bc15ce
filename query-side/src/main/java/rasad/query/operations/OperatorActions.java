package rasad.query.operations;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import rasad.query.processing.ReadModelCollections;
import rasad.query.processing.RebuildProgress;

/**
 * The {@code operator_actions} collection (rebuildable like the other read models), and how an action reads: a
 * rebuild request joined with how the query side carried it out ({@link RebuildProgress}).
 */
@Component
class OperatorActions {

    static final String COLLECTION = "operator_actions";
    static final String REBUILD = "READ_MODEL_REBUILD";
    static final String ALERT_RULE_CHANGE = "ALERT_RULE_CHANGE";
    /** A rebuild request the query side has not acted on: not yet seen, or recorded before its rebuild processor began. */
    static final String RECORDED = "RECORDED";

    private final ReadModelCollections collections;
    private final RebuildProgress progress;

    OperatorActions(ReadModelCollections collections, RebuildProgress progress) {
        this.collections = collections;
        this.progress = progress;
        collections.register(new ReadModelCollections.ReadModel(
                OperatorActionsProjection.PROCESSING_GROUP,
                List.of(COLLECTION),
                actions -> actions.createIndex(Indexes.descending("position"))));
    }

    /** One operator action; fields that do not apply to its kind are left out. */
    record OperatorAction(
            String actionId,
            String kind,
            Instant at,
            String actor,
            String actorRole,
            String onBehalfOf,
            String reason,
            String requestId,
            String eventId,
            String rebuildId,
            String readModel,
            String status,
            Instant markedAt,
            Instant startedAt,
            Integer generation,
            String startedBy,
            Instant switchedOverAt,
            String refusalRule,
            String refusal,
            String waiting,
            String changeId,
            String rule,
            String programme,
            Map<String, Object> parameters,
            String severity,
            Boolean enabled) {}

    static String rebuildActionId(String rebuildId) {
        return "rebuild:" + rebuildId;
    }

    static String changeActionId(String changeId) {
        return "alert-rule-change:" + changeId;
    }

    void record(Document action) {
        collections
                .forProjection(OperatorActionsProjection.PROCESSING_GROUP, COLLECTION)
                .replaceOne(eq("_id", action.getString("_id")), action, new ReplaceOptions().upsert(true));
    }

    long count(String kind) {
        return live().countDocuments(filter(kind));
    }

    /** Newest first: by where their events stand in the store. */
    List<OperatorAction> page(String kind, int page, int size) {
        List<Document> found = live().find(filter(kind))
                .sort(Sorts.descending("position"))
                .skip(page * size)
                .limit(size)
                .into(new ArrayList<>());
        Map<String, RebuildProgress.Progress> progresses = progress.of(found.stream()
                .filter(action -> REBUILD.equals(action.getString("kind")))
                .map(action -> action.getString("rebuildId"))
                .toList());
        return found.stream()
                .map(action -> read(action, progresses.get(action.getString("rebuildId"))))
                .toList();
    }

    Optional<OperatorAction> one(String actionId) {
        return Optional.ofNullable(live().find(eq("_id", actionId)).first())
                .map(action -> read(
                        action,
                        REBUILD.equals(action.getString("kind"))
                                ? progress.of(action.getString("rebuildId")).orElse(null)
                                : null));
    }

    private MongoCollection<Document> live() {
        return collections.forQueries(OperatorActionsProjection.PROCESSING_GROUP, COLLECTION);
    }

    private static Bson filter(String kind) {
        return kind == null ? new Document() : Filters.eq("kind", kind);
    }

    private static OperatorAction read(Document action, RebuildProgress.Progress progress) {
        boolean rebuild = REBUILD.equals(action.getString("kind"));
        Document parameters = action.get("parameters", Document.class);
        return new OperatorAction(
                action.getString("_id"),
                action.getString("kind"),
                instant(action.getDate("at")),
                action.getString("actor"),
                action.getString("actorRole"),
                action.getString("onBehalfOf"),
                action.getString("reason"),
                action.getString("requestId"),
                action.getString("eventId"),
                action.getString("rebuildId"),
                action.getString("readModel"),
                !rebuild
                        ? null
                        : progress == null ? RECORDED : progress.status().name(),
                progress == null ? null : progress.markedAt(),
                progress == null ? null : progress.startedAt(),
                progress == null ? null : progress.generation(),
                progress == null ? null : progress.startedBy(),
                progress == null ? null : progress.switchedOverAt(),
                progress == null ? null : progress.refusalRule(),
                progress == null ? null : progress.refusal(),
                progress == null ? null : progress.waiting(),
                action.getString("changeId"),
                action.getString("rule"),
                action.getString("programme"),
                parameters == null ? null : new TreeMap<>(parameters),
                action.getString("severity"),
                action.getBoolean("enabled"));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
