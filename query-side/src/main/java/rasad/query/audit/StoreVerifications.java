package rasad.query.audit;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import rasad.eventstore.integrity.BrokenLink;
import rasad.eventstore.integrity.EventStoreVerifier;
import rasad.eventstore.integrity.VerificationProgress;
import rasad.eventstore.integrity.VerificationReport;

/**
 * Whole-store verifications, run in the background one at a time per instance, with their progress and result
 * kept in {@code audit_verifications} so that any instance answers for any of them. A digest the auditor noted
 * down earlier (a block number and its chained digest) is compared with the one recomputed from the events.
 */
@Component
class StoreVerifications implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StoreVerifications.class);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(1);

    private final EventStoreVerifier verifier;
    private final MongoCollection<Document> verifications;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "store-verification");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean running = new AtomicBoolean();

    StoreVerifications(EventStoreVerifier verifier, MongoDatabase database, Clock clock) {
        this.verifier = verifier;
        this.verifications = database.getCollection("audit_verifications");
        this.clock = clock;
    }

    /** A digest noted down earlier: block {@code block} of the chain had digest {@code digest}. */
    record NotedDigest(long block, String digest) {}

    /** Starts a verification; empty if one is already running on this instance. */
    Optional<String> start(String requestedBy, NotedDigest noted) {
        if (!running.compareAndSet(false, true)) {
            return Optional.empty();
        }
        String id = UUID.randomUUID().toString();
        Document job = new Document("_id", id)
                .append("state", "RUNNING")
                .append("requestedBy", requestedBy)
                .append("startedAt", Date.from(clock.instant()))
                .append("positionsChecked", 0L)
                .append("eventsChecked", 0L)
                .append("headPosition", 0L);
        if (noted != null) {
            job.append("noted", new Document("block", noted.block()).append("digest", noted.digest()));
        }
        try {
            verifications.insertOne(job);
            worker.execute(() -> run(id, noted));
        } catch (RuntimeException notStarted) {
            running.set(false);
            throw notStarted;
        }
        return Optional.of(id);
    }

    Optional<Document> find(String id) {
        return Optional.ofNullable(verifications.find(eq("_id", id)).first());
    }

    private void run(String id, NotedDigest noted) {
        Instant started = clock.instant();
        Recorder recorder = new Recorder(id, started, noted);
        boolean released = false;
        try {
            VerificationReport report = verifier.verify(recorder);
            Document result = new Document("intact", report.intact())
                    .append("positionsChecked", report.positionsChecked())
                    .append("eventsChecked", report.eventsChecked())
                    .append("blocksChecked", report.blocksChecked())
                    .append("digest", report.digest())
                    .append(
                            "firstBrokenLink",
                            report.firstBrokenLink()
                                    .map(StoreVerifications::link)
                                    .orElse(null));
            Document notedResult = noted == null
                    ? null
                    : new Document("block", noted.block())
                            .append("digest", noted.digest())
                            .append("recomputed", recorder.recomputedNoted)
                            .append("matches", noted.digest().equals(recorder.recomputedNoted));
            // free before saying DONE: whoever reads DONE may start the next one at once
            running.set(false);
            released = true;
            verifications.updateOne(
                    eq("_id", id),
                    Updates.combine(
                            Updates.set("state", "DONE"),
                            Updates.set("finishedAt", Date.from(clock.instant())),
                            Updates.set("positionsChecked", report.positionsChecked()),
                            Updates.set("eventsChecked", report.eventsChecked()),
                            Updates.set("report", result),
                            Updates.set("noted", notedResult)));
        } catch (RuntimeException failed) {
            if (!released) {
                running.set(false);
            }
            log.error("Verification {} failed", id, failed);
            verifications.updateOne(
                    eq("_id", id),
                    Updates.combine(
                            Updates.set("state", "FAILED"),
                            Updates.set("finishedAt", Date.from(clock.instant())),
                            Updates.set("failure", failed.getClass().getSimpleName())));
        }
    }

    static Document link(BrokenLink link) {
        return new Document("kind", link.kind().name())
                .append("position", link.position())
                .append("eventId", link.eventId())
                .append("aggregate", link.aggregate())
                .append("expected", link.expected())
                .append("found", link.found());
    }

    /** Writes progress at most once a second, and remembers the recomputed digest of the noted block. */
    private final class Recorder implements VerificationProgress {
        private final String id;
        private final Instant started;
        private final NotedDigest noted;
        private Instant lastReported;
        private String recomputedNoted;

        Recorder(String id, Instant started, NotedDigest noted) {
            this.id = id;
            this.started = started;
            this.noted = noted;
            this.lastReported = started;
        }

        @Override
        public void checked(long position, long head, long events) {
            Instant now = clock.instant();
            if (Duration.between(lastReported, now).compareTo(REPORT_EVERY) < 0) {
                return;
            }
            lastReported = now;
            verifications.updateOne(
                    eq("_id", id),
                    Updates.combine(
                            Updates.set("positionsChecked", position),
                            Updates.set("headPosition", head),
                            Updates.set("eventsChecked", events),
                            Updates.set(
                                    "elapsedMillis",
                                    Duration.between(started, now).toMillis())));
        }

        @Override
        public void blockVerified(long block, String chained) {
            if (noted != null && noted.block() == block) {
                recomputedNoted = chained;
            }
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
