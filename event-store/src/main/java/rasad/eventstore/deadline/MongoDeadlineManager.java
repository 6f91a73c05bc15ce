package rasad.eventstore.deadline;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.deadline.AbstractDeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ScopeAwareProvider;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rasad.kernel.audit.AuditMetaData;

/**
 * Deadlines that survive restarts, kept in MongoDB: a follow-up due in twelve months must fire even if every
 * process was restarted in between. Each deadline is a document; each hour a bucket lists the deadlines due in
 * it, so the poller reads buckets and deadlines by {@code _id} only (flat cost on the embedded server).
 * A due deadline is claimed by compare-and-set (several instances may poll) and run at least once: a claim
 * left by a process that died is taken over after the claim timeout.
 */
public class MongoDeadlineManager extends AbstractDeadlineManager {

    /** The actor of what deadlines cause. */
    public static final String ACTOR = "rasad-deadlines";

    private static final Logger log = LoggerFactory.getLogger(MongoDeadlineManager.class);
    private static final String CURSOR = "cursor";
    private static final int MAX_ATTEMPTS = 5;
    private static final int PART_SIZE = 200;

    private final MongoCollection<Document> deadlines;
    private final MongoCollection<Document> buckets;
    private final Supplier<ScopeAwareProvider> scopes;
    private final TransactionManager transactionManager;
    private final Serializer serializer;
    private final Clock clock;
    private final String nodeId;
    private final Duration claimTimeout;

    public MongoDeadlineManager(
            MongoDatabase database,
            Supplier<ScopeAwareProvider> scopes,
            TransactionManager transactionManager,
            Serializer serializer,
            Clock clock,
            String nodeId,
            Duration claimTimeout) {
        this.deadlines = database.getCollection("deadlines");
        this.buckets = database.getCollection("deadline_buckets");
        this.scopes = scopes;
        this.transactionManager = transactionManager;
        this.serializer = serializer;
        this.clock = clock;
        this.nodeId = nodeId;
        this.claimTimeout = claimTimeout;
        // The claim is a compare-and-set on id and status. The embedded server uses an index only for a filter of
        // exactly its fields: without this one each claim scanned every deadline ever scheduled (measured: the
        // demo's backlog drained at about 8 a second). On MongoDB it is one more small index.
        deadlines.createIndex(
                Indexes.ascending("_id", "status"),
                new IndexOptions().name(BY_ID_AND_STATUS).unique(true));
    }

    static final String BY_ID_AND_STATUS = "id_status";

    /** A filter of exactly {@code _id} and {@code status}, the fields of the index above, and not {@code $and}. */
    private static Document withStatus(Object id, String status) {
        return new Document("_id", id).append("status", status);
    }

    static String hourOf(Instant instant) {
        return instant.truncatedTo(ChronoUnit.HOURS).toString();
    }

    @Override
    public String schedule(
            Instant triggerDateTime, String deadlineName, Object messageOrPayload, ScopeDescriptor deadlineScope) {
        DeadlineMessage<?> message = processDispatchInterceptors(
                GenericDeadlineMessage.asDeadlineMessage(deadlineName, messageOrPayload, triggerDateTime));
        String id = UUID.randomUUID().toString();
        SerializedObject<String> payload = serializer.serialize(message.getPayload(), String.class);
        SerializedObject<String> scope = serializer.serialize(deadlineScope, String.class);
        Document deadline = new Document("_id", id)
                .append("name", deadlineName)
                .append("dueAt", triggerDateTime.toString())
                .append("status", "SCHEDULED")
                .append("attempts", 0)
                .append("payloadType", payload.getType().getName())
                .append("payloadRevision", payload.getType().getRevision())
                .append("payload", payload.getData())
                .append(
                        "metaData",
                        serializer
                                .serialize(message.getMetaData(), String.class)
                                .getData())
                .append("scopeType", scope.getType().getName())
                .append("scope", scope.getData());
        runOnPrepareCommitOrNow(() -> {
            deadlines.insertOne(deadline);
            buckets.updateOne(
                    eq("_id", partFor(bucketFor(triggerDateTime))),
                    Updates.addToSet("ids", id),
                    new UpdateOptions().upsert(true));
        });
        return id;
    }

    /**
     * The hour bucket the poller will still visit: the deadline's own hour, or — for a deadline already due
     * (a job registered with a start date long past) — no earlier than the poller's cursor and this hour,
     * which it has not passed yet. The deadline keeps its own due time.
     */
    private String bucketFor(Instant triggerDateTime) {
        String bucket = hourOf(triggerDateTime);
        String now = hourOf(clock.instant());
        Document cursor = buckets.find(eq("_id", CURSOR)).first();
        String reached = cursor == null ? now : cursor.getString("hour");
        for (String later : new String[] {now, reached}) {
            if (later.compareTo(bucket) > 0) {
                bucket = later;
            }
        }
        return bucket;
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        runOnPrepareCommitOrNow(() -> {
            Document scheduled = deadlines.find(eq("_id", scheduleId)).first();
            if (scheduled != null && deadlineName.equals(scheduled.getString("name"))) {
                deadlines.updateOne(withStatus(scheduleId, "SCHEDULED"), Updates.set("status", "CANCELLED"));
            }
        });
    }

    /** Rare (no Rasad flow uses it): scans by name, which is a full scan on the embedded server. */
    @Override
    public void cancelAll(String deadlineName) {
        runOnPrepareCommitOrNow(() -> deadlines.updateMany(
                and(eq("name", deadlineName), eq("status", "SCHEDULED")), Updates.set("status", "CANCELLED")));
    }

    @Override
    public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
        String serializedScope = serializer.serialize(scope, String.class).getData();
        runOnPrepareCommitOrNow(() -> deadlines.updateMany(
                and(eq("name", deadlineName), eq("scope", serializedScope), eq("status", "SCHEDULED")),
                Updates.set("status", "CANCELLED")));
    }

    /**
     * The part of an hour's bucket a new deadline goes to: an hour holds any number of deadlines (an import puts
     * thousands in the current one) in parts of at most {@value #PART_SIZE}, so that no document the poller
     * reads or rewrites grows with the backlog. The hour's own document counts them and is part 0.
     */
    private String partFor(String hour) {
        Document counted = buckets.findOneAndUpdate(
                eq("_id", hour),
                Updates.inc("count", 1),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        long part = (counted.get("count", Number.class).longValue() - 1) / PART_SIZE;
        return part == 0 ? hour : hour + "#" + part;
    }

    /** The parts of these hours' buckets that list deadlines, in hour order. */
    private List<Document> partsOf(List<String> hours) {
        List<String> partIds = new ArrayList<>();
        for (Document hour : buckets.find(in("_id", hours)).into(new ArrayList<>())) {
            String id = hour.getString("_id");
            partIds.add(id);
            // buckets written before parts existed have no count: their one document is the whole hour
            long count = hour.get("count") instanceof Number n ? n.longValue() : 0;
            for (long part = 1; part <= (count - 1) / PART_SIZE; part++) {
                partIds.add(id + "#" + part);
            }
        }
        List<Document> parts = buckets.find(in("_id", partIds)).into(new ArrayList<>());
        parts.sort(Comparator.comparing((Document part) -> part.getString("_id")));
        return parts;
    }

    private String cursorHour() {
        Document cursor = buckets.find(eq("_id", CURSOR)).first();
        return cursor == null ? null : cursor.getString("hour");
    }

    private static List<String> hoursFrom(String cursorHour, Instant now) {
        Instant from = cursorHour == null ? now.minus(Duration.ofDays(1)) : Instant.parse(cursorHour);
        List<String> hours = new ArrayList<>();
        for (Instant hour = from.truncatedTo(ChronoUnit.HOURS);
                !hour.isAfter(now);
                hour = hour.plus(Duration.ofHours(1))) {
            hours.add(hourOf(hour));
        }
        return hours;
    }

    /**
     * Runs every deadline due by now, hour bucket by hour bucket from the persisted cursor, and moves the
     * cursor past the hours that have nothing left to run. Returns how many deadlines ran.
     */
    public synchronized int runDue() {
        Instant now = clock.instant();
        int ran = 0;
        String firstOpenHour = null;
        String cursorHour = cursorHour();
        for (Document part : partsOf(hoursFrom(cursorHour, now))) {
            List<String> ids = part.getList("ids", String.class);
            if (ids == null || ids.isEmpty()) {
                continue;
            }
            boolean open = false;
            List<String> finished = new ArrayList<>(ids);
            for (Document deadline : deadlines.find(in("_id", ids)).into(new ArrayList<>())) {
                String status = deadline.getString("status");
                if ("DONE".equals(status) || "CANCELLED".equals(status) || "FAILED".equals(status)) {
                    continue;
                }
                if (Instant.parse(deadline.getString("dueAt")).isAfter(now) || !claim(deadline, now)) {
                    open = true;
                    finished.remove(deadline.getString("_id"));
                    continue;
                }
                ran++;
                if (!run(deadline)) {
                    open = true;
                    finished.remove(deadline.getString("_id"));
                }
            }
            String partId = part.getString("_id");
            if (!finished.isEmpty()) {
                // a part lists only what is left to run (and no id without its deadline): an idle poller reads
                // nothing it has finished
                buckets.updateOne(eq("_id", partId), Updates.pullAll("ids", finished));
            }
            String hour = partId.contains("#") ? partId.substring(0, partId.indexOf('#')) : partId;
            if (open && (firstOpenHour == null || hour.compareTo(firstOpenHour) < 0)) {
                firstOpenHour = hour;
            }
        }
        String next = firstOpenHour != null ? firstOpenHour : hourOf(now);
        if (!next.equals(cursorHour)) {
            buckets.updateOne(eq("_id", CURSOR), Updates.set("hour", next), new UpdateOptions().upsert(true));
        }
        return ran;
    }

    /**
     * How many deadlines are due by now and not yet run (scheduled, or claimed and running): the work a restart,
     * an import or a busy hour has left behind. Zero when everything due has run.
     */
    public long dueBacklog() {
        Instant now = clock.instant();
        long due = 0;
        String cursorHour = cursorHour();
        for (Document part : partsOf(hoursFrom(cursorHour, now))) {
            List<String> ids = part.getList("ids", String.class);
            if (ids == null || ids.isEmpty()) {
                continue;
            }
            for (Document deadline : deadlines.find(in("_id", ids)).into(new ArrayList<>())) {
                String status = deadline.getString("status");
                boolean unfinished = "SCHEDULED".equals(status) || "RUNNING".equals(status);
                if (unfinished && !Instant.parse(deadline.getString("dueAt")).isAfter(now)) {
                    due++;
                }
            }
        }
        return due;
    }

    private boolean claim(Document deadline, Instant now) {
        if ("RUNNING".equals(deadline.getString("status"))) {
            Instant claimedAt = Instant.parse(deadline.getString("claimedAt"));
            if (claimedAt.plus(claimTimeout).isAfter(now)) {
                return false; // another process is running it
            }
            return deadlines
                            .updateOne(
                                    and(
                                            eq("_id", deadline.get("_id")),
                                            eq("claimedAt", deadline.getString("claimedAt"))),
                                    Updates.combine(
                                            Updates.set("claimedBy", nodeId), Updates.set("claimedAt", now.toString())))
                            .getModifiedCount()
                    == 1;
        }
        return deadlines
                        .updateOne(
                                withStatus(deadline.get("_id"), "SCHEDULED"),
                                Updates.combine(
                                        Updates.set("status", "RUNNING"),
                                        Updates.set("claimedBy", nodeId),
                                        Updates.set("claimedAt", now.toString())))
                        .getModifiedCount()
                == 1;
    }

    /** Returns true when the deadline is finished (done, or failed for good). */
    private boolean run(Document deadline) {
        String id = deadline.getString("_id");
        try {
            execute(deadline);
            deadlines.updateOne(eq("_id", id), Updates.set("status", "DONE"));
            return true;
        } catch (Exception failure) {
            int attempts = deadline.getInteger("attempts", 0) + 1;
            boolean giveUp = attempts >= MAX_ATTEMPTS;
            log.warn(
                    "Deadline {} ({}) failed, attempt {}{}",
                    deadline.getString("name"),
                    id,
                    attempts,
                    giveUp ? "; giving up" : "; it will run again",
                    failure);
            deadlines.updateOne(
                    eq("_id", id),
                    Updates.combine(
                            Updates.set("status", giveUp ? "FAILED" : "SCHEDULED"), Updates.set("attempts", attempts)));
            return giveUp;
        }
    }

    /**
     * Who did what a deadline causes, and when: Rasad itself, when it fell due — not the user whose command set it,
     * months earlier, whose metadata the deadline carries (an imported job's start date would otherwise date its
     * follow-ups too). For whom and under which request stay the original command's.
     */
    static MetaData fellDue(MetaData scheduledWith, String deadlineName, Instant dueAt) {
        return scheduledWith
                .and(AuditMetaData.ACTOR, ACTOR)
                .and(AuditMetaData.ACTOR_ROLE, "system")
                .and(AuditMetaData.REASON, "deadline " + deadlineName + " fell due")
                .and(AuditMetaData.OCCURRED_AT, dueAt.toString());
    }

    private void execute(Document deadline) throws Exception {
        Object payload = serializer.deserialize(new SimpleSerializedObject<>(
                deadline.getString("payload"),
                String.class,
                deadline.getString("payloadType"),
                deadline.getString("payloadRevision")));
        MetaData metaData = serializer.deserialize(new SimpleSerializedObject<>(
                deadline.getString("metaData"), String.class, MetaData.class.getName(), null));
        ScopeDescriptor scope = serializer.deserialize(new SimpleSerializedObject<>(
                deadline.getString("scope"), String.class, deadline.getString("scopeType"), null));
        Instant dueAt = Instant.parse(deadline.getString("dueAt"));
        MetaData due = fellDue(metaData, deadline.getString("name"), dueAt);
        DeadlineMessage<?> message = new GenericDeadlineMessage<>(
                deadline.getString("name"), new GenericMessage<>(deadline.getString("_id"), payload, due), () -> dueAt);
        UnitOfWork<DeadlineMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(message);
        unitOfWork.attachTransaction(transactionManager);
        var chain = new DefaultInterceptorChain<>(unitOfWork, handlerInterceptors(), handled -> {
            scopes.get()
                    .provideScopeAwareStream(scope)
                    .filter(component -> component.canResolve(scope))
                    .forEach(component -> {
                        try {
                            component.send(handled, scope);
                        } catch (Exception e) {
                            throw new IllegalStateException("deadline " + handled.getDeadlineName() + " failed", e);
                        }
                    });
            return null;
        });
        var result = unitOfWork.executeWithResult(chain::proceed);
        if (result.isExceptional()) {
            throw new IllegalStateException(result.exceptionResult());
        }
    }
}
