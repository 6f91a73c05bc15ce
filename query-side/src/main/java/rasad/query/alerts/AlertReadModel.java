package rasad.query.alerts;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import rasad.kernel.alerts.AlertRaised;
import rasad.kernel.alerts.AlertRule;
import rasad.kernel.alerts.Evidence;
import rasad.query.asof.AsOfDay;
import rasad.query.processing.ReadModelCollections;

/**
 * The {@code alert_episodes} collection: one document per episode of an alert, keyed
 * {@code <alertId>#<episode>}, holding where triage stands and the episode's whole history.
 * <p>Every change appends a step carrying its event's id, and an event whose id is already in the history
 * changes nothing: a replay, or a batch redelivered after a crash, leaves the same document.
 */
@Component
class AlertReadModel {

    static final String COLLECTION = "alert_episodes";
    static final ZoneId TEHRAN = AsOfDay.TEHRAN;
    /** Episodes of one alert are read by _id, this many at a time (episodes count up from 1). */
    private static final int EPISODES_PER_READ = 16;

    private final Supplier<MongoCollection<Document>> written;
    private final Supplier<MongoCollection<Document>> live;

    @Autowired
    AlertReadModel(ReadModelCollections collections) {
        this.written = () -> collections.forProjection(AlertProjection.PROCESSING_GROUP, COLLECTION);
        this.live = () -> collections.forQueries(AlertProjection.PROCESSING_GROUP, COLLECTION);
        collections.register(
                new ReadModelCollections.ReadModel(AlertProjection.PROCESSING_GROUP, List.of(COLLECTION), episodes -> {
                    // Served by real MongoDB; the embedded server scans for these filters whatever the indexes.
                    episodes.createIndex(Indexes.ascending("subject.facilityId"));
                    episodes.createIndex(Indexes.ascending("status"));
                    episodes.createIndex(Indexes.ascending("inspector"));
                }));
    }

    static String id(String alertId, int episode) {
        return alertId + "#" + episode;
    }

    /** Episodes written to and read from one collection: the list as of an instant (see {@link AlertsAsOf}). */
    private AlertReadModel(MongoCollection<Document> episodes) {
        this.written = () -> episodes;
        this.live = () -> episodes;
    }

    static AlertReadModel over(MongoCollection<Document> episodes) {
        return new AlertReadModel(episodes);
    }

    /** Where the projection writes: the fresh collection while a rebuild runs. */
    private MongoCollection<Document> written() {
        return written.get();
    }

    private MongoCollection<Document> live() {
        return live.get();
    }

    /** A new episode, OPEN; raised again (a replay) it is left as triage has taken it since. */
    void raised(AlertRaised event, Document step) {
        String id = id(event.alertId(), event.episode());
        if (written().find(eq("_id", id)).first() != null) {
            return;
        }
        Document subject = new Document("facilityId", event.subject().facilityId())
                .append("bank", event.subject().bank())
                .append("county", event.subject().county())
                .append("agency", event.subject().agency())
                .append("programme", event.subject().programme())
                .append("description", event.subject().description());
        Document episode = new Document("_id", id)
                .append("alertId", event.alertId())
                .append("episode", event.episode())
                .append("rule", event.rule().name())
                .append("severity", event.severity().name())
                .append("subject", subject)
                .append("explanation", event.explanation())
                .append("evidence", evidence(event.evidence()))
                .append("status", AlertStatus.OPEN.name())
                .append("closed", false)
                .append("raisedAt", step.getDate("at"))
                .append(
                        "since",
                        Date.from(since(event.evidence(), step.getDate("at").toInstant())))
                .append("closedAt", null)
                .append("closedAs", null)
                .append("inspector", null)
                .append("visitDueOn", null)
                .append("escalatedTo", null)
                .append("history", List.of(step));
        written().replaceOne(eq("_id", id), episode, new ReplaceOptions().upsert(true));
    }

    /**
     * Appends a step to an episode and applies what it changes, once: an event already in the history is
     * skipped whole.
     */
    void step(String alertId, int episode, Document step, Consumer<Document> change) {
        MongoCollection<Document> episodes = written();
        String id = id(alertId, episode);
        Document document = episodes.find(eq("_id", id)).first();
        if (document == null) {
            return; // cannot happen in order: an episode's raise comes before its triage
        }
        List<Document> history = new ArrayList<>(document.getList("history", Document.class, List.of()));
        String eventId = step.getString("eventId");
        if (history.stream().anyMatch(known -> eventId.equals(known.getString("eventId")))) {
            return;
        }
        change.accept(document);
        history.add(step);
        document.put("history", history);
        episodes.replaceOne(eq("_id", id), document);
    }

    /** A triage step names the status of an open episode; a closed one keeps its own. */
    static void triaged(Document episode, AlertStatus status) {
        if (!episode.getBoolean("closed", false)) {
            episode.put("status", status.name());
        }
    }

    /** The first closing wins: an episode cleared after it was resolved stays RESOLVED, and the reverse. */
    static void closed(Document episode, AlertStatus status, String closedAs, Date at) {
        if (episode.getBoolean("closed", false)) {
            return;
        }
        episode.put("status", status.name());
        episode.put("closed", true);
        episode.put("closedAt", at);
        episode.put("closedAs", closedAs);
    }

    static List<Document> evidence(List<Evidence> evidence) {
        return evidence == null
                ? List.of()
                : evidence.stream()
                        .map(item -> new Document("eventId", item.eventId())
                                .append("eventType", item.eventType())
                                .append("recordedAt", Date.from(item.recordedAt()))
                                .append("occurredAt", item.occurredAt() == null ? null : Date.from(item.occurredAt()))
                                .append("summary", item.summary()))
                        .toList();
    }

    /**
     * When the sign appeared: where the evidence happened elsewhere or earlier than it was recorded (an import, a
     * visit captured offline), the latest such time; else when the alert was raised. Never after the raise.
     */
    static Instant since(List<Evidence> evidence, Instant raisedAt) {
        Instant latest = evidence == null
                ? null
                : evidence.stream()
                        .map(Evidence::occurredAt)
                        .filter(Objects::nonNull)
                        .max(Instant::compareTo)
                        .orElse(null);
        return latest == null || latest.isAfter(raisedAt) ? raisedAt : latest;
    }

    /**
     * The episodes the filter selects. Exact fields, statuses and {@code openAsOf} are asked of MongoDB; the
     * age, which moves with today, is checked here. Alerts are few by design, so reading every match is fine.
     */
    List<AlertEpisode> matching(AlertFilter filter, Instant now) {
        return live()
                .find(filter.toBson())
                .map(document -> toView(document, now, false))
                .into(new ArrayList<>())
                .stream()
                .filter(filter::aged)
                .toList();
    }

    /**
     * Every episode of an alert, oldest first, read by _id (episodes count up from 1, so a short read is
     * the last one): the only access the embedded server serves from an index.
     */
    List<AlertEpisode> episodesOf(String alertId, Instant now) {
        List<AlertEpisode> episodes = new ArrayList<>();
        for (int first = 1; ; first += EPISODES_PER_READ) {
            List<String> ids = IntStream.range(first, first + EPISODES_PER_READ)
                    .mapToObj(n -> id(alertId, n))
                    .toList();
            List<Document> found = live().find(in("_id", ids)).into(new ArrayList<>());
            found.forEach(document -> episodes.add(toView(document, now, true)));
            if (found.size() < EPISODES_PER_READ) {
                break;
            }
        }
        episodes.sort(Comparator.comparingInt(AlertEpisode::episode));
        return episodes;
    }

    /**
     * A facility's open episodes. A filter on a non-unique field: the embedded server scans the collection
     * for it, which is acceptable because alerts are few (that is their point); real MongoDB uses the index.
     */
    List<AlertEpisode> openOf(String facilityId, Instant now) {
        return live().find(and(eq("subject.facilityId", facilityId), ne("closed", true)))
                .map(document -> toView(document, now, false))
                .into(new ArrayList<>());
    }

    /** Tehran calendar days from the sign's appearance to closed, or to now while open. */
    static long ageDays(Instant since, Instant closedAt, Instant now) {
        LocalDate from = LocalDate.ofInstant(since, TEHRAN);
        LocalDate to = LocalDate.ofInstant(closedAt == null ? now : closedAt, TEHRAN);
        return Math.max(0, ChronoUnit.DAYS.between(from, to));
    }

    private static AlertEpisode toView(Document document, Instant now, boolean details) {
        Document subject = document.get("subject", Document.class);
        Instant raisedAt = document.getDate("raisedAt").toInstant();
        // episodes written before "since" was kept count from their raise
        Instant since = document.getDate("since") == null
                ? raisedAt
                : document.getDate("since").toInstant();
        Instant closedAt = document.getDate("closedAt") == null
                ? null
                : document.getDate("closedAt").toInstant();
        String rule = document.getString("rule");
        return new AlertEpisode(
                document.getString("alertId"),
                document.getInteger("episode"),
                rule,
                AlertRule.valueOf(rule).detects(),
                document.getString("severity"),
                document.getString("status"),
                new AlertEpisode.Subject(
                        subject.getString("facilityId"),
                        subject.getString("bank"),
                        subject.getString("county"),
                        subject.getString("agency"),
                        subject.getString("programme"),
                        subject.getString("description")),
                document.getString("explanation"),
                raisedAt,
                since,
                closedAt,
                document.getString("closedAs"),
                ageDays(since, closedAt, now),
                document.getString("inspector"),
                date(document.getString("visitDueOn")),
                document.getString("escalatedTo"),
                details ? evidenceOf(document.getList("evidence", Document.class)) : null,
                details ? history(document.getList("history", Document.class)) : null);
    }

    private static List<Evidence> evidenceOf(List<Document> evidence) {
        return evidence == null
                ? null
                : evidence.stream()
                        .map(item -> new Evidence(
                                item.getString("eventId"),
                                item.getString("eventType"),
                                item.getDate("recordedAt").toInstant(),
                                item.getString("summary"),
                                item.getDate("occurredAt") == null
                                        ? null
                                        : item.getDate("occurredAt").toInstant()))
                        .toList();
    }

    private static List<AlertEpisode.Step> history(List<Document> history) {
        return history.stream()
                .map(step -> new AlertEpisode.Step(
                        step.getString("step"),
                        step.getDate("at").toInstant(),
                        step.getString("actor"),
                        step.getString("actorRole"),
                        step.getString("onBehalfOf"),
                        step.getString("note"),
                        step.getString("inspector"),
                        date(step.getString("visitDueOn")),
                        step.getString("escalatedTo"),
                        step.getString("resolution"),
                        evidenceOf(step.getList("evidence", Document.class)),
                        step.getString("eventId")))
                .toList();
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }
}
