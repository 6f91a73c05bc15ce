package rasad.query.processing;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import rasad.edge.problem.ProblemTypes;
import rasad.eventstore.axon.NodeId;
import rasad.eventstore.axon.PeriodicTask;

/**
 * Carries out the rebuilds admins request on the command side ({@code ReadModelRebuildRequested}, marked as requested
 * in {@code read_model_generations} by {@link ReadModelRebuildRequests}): a read model is rebuilt from the first event
 * into fresh collections while queries keep reading the old ones, and queries switch over once the processor has
 * replayed everything.
 * <p>Every instance looks every second. The rebuild is started by the instance that holds the processor's segments
 * (only it can reset them); an instance that holds none tries only once a request has waited
 * {@code rasad.read-models.rebuild-takeover-after} (15 s) since it was marked or last tried, which covers a processor
 * nobody holds (its holder stopped) — and it claims the segments before anything else, so a try that fails changes
 * nothing. Starting is: stop the processor here, claim its segments, open the new generation with a compare-and-set
 * (exactly one instance wins), reset the tokens, start the processor. The old collections stop following new events
 * while the rebuild runs, so answers during a rebuild are as of its start; {@code GET /api/processors} shows the
 * replay and its ETA, {@code GET /api/operator-actions} how each request went.
 */
@RestController
class ReadModelRebuilds implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuilds.class);

    private final EventProcessingConfiguration processing;
    private final ReadModelCollections collections;
    private final RebuildProgress progress;
    private final TokenStore tokens;
    private final NodeId node;
    private final Clock clock;
    private final Duration takeoverAfter;
    private volatile PeriodicTask rebuilds;

    ReadModelRebuilds(
            EventProcessingConfiguration processing,
            ReadModelCollections collections,
            RebuildProgress progress,
            TokenStore tokens,
            NodeId node,
            Clock clock,
            @Value("${rasad.read-models.rebuild-takeover-after:PT15S}") Duration takeoverAfter) {
        this.processing = processing;
        this.collections = collections;
        this.progress = progress;
        this.tokens = tokens;
        this.node = node;
        this.clock = clock;
        this.takeoverAfter = takeoverAfter;
    }

    /** Once the application is up: the processors exist, and no bean is still being created. */
    @EventListener(ApplicationReadyEvent.class)
    void startLooking() {
        // every second while a rebuild is asked for or under way; while none is, every five at most
        rebuilds = new PeriodicTask(
                "read-model-rebuilds", Duration.ofSeconds(1), Duration.ofSeconds(5), this::carryOutRebuilds);
    }

    /** Rebuilds used to be started here, without an event; they are operator actions now, asked for as events. */
    @PostMapping("/api/processors/{name}/rebuild")
    @Operation(
            summary = "Gone: ask for a rebuild with POST /api/read-model-rebuilds on the command side",
            description = "410 with a problem naming the command that replaces it.")
    ProblemDetail rebuild(@PathVariable String name) {
        ProblemDetail gone = ProblemDetail.forStatusAndDetail(
                HttpStatus.GONE,
                "read-model rebuilds are operator actions "
                        + "recorded as events: ask the command side, POST /api/read-model-rebuilds with {\"rebuildId\", "
                        + "\"readModel\": \"" + name
                        + "\", \"reason\"} (admin); GET /api/operator-actions here shows how it goes");
        gone.setType(ProblemTypes.GONE);
        gone.setTitle("Gone");
        gone.setProperty("replacement", "POST /api/read-model-rebuilds (command side)");
        return gone;
    }

    /**
     * Starts the requested rebuilds this instance may start, and switches over those it has finished replaying;
     * says whether any rebuild was asked for or under way.
     */
    boolean carryOutRebuilds() {
        AtomicBoolean pending = new AtomicBoolean();
        collections.refreshGenerations();
        processing.eventProcessors().forEach((name, candidate) -> {
            if (!(candidate instanceof StreamingEventProcessor processor)) {
                return;
            }
            collections.readModel(name).ifPresent(readModel -> {
                ReadModelCollections.Generations generations = collections.generations(name);
                if (generations.building() != null || generations.requested() != null) {
                    pending.set(true);
                }
                if (generations.building() != null && generations.reset()) {
                    switchIfReplayed(processor, readModel);
                } else if (generations.building() != null) {
                    // opened but never reset: its starter died in between; complete it
                    if (generations.rebuildId() != null && mayStart(processor, generations.changedAt())) {
                        start(processor, readModel, generations.rebuildId());
                    }
                } else if (generations.requested() != null && mayStart(processor, lastTry(generations.requested()))) {
                    start(processor, readModel, generations.requested().rebuildId());
                }
            });
        });
        return pending.get();
    }

    /** Only the instance holding the segments knows whether the replay is over. */
    private void switchIfReplayed(StreamingEventProcessor processor, ReadModelCollections.ReadModel readModel) {
        Map<Integer, ?> segments = processor.processingStatus();
        if (processor.isRunning() && !segments.isEmpty() && !processor.isReplaying()) {
            collections.switchOver(readModel).ifPresent(rebuildId -> {
                if (!rebuildId.isEmpty()) {
                    progress.switchedOver(rebuildId, readModel.processingGroup());
                }
                log.info(
                        "Read model {} rebuilt (rebuild {}); queries now read generation {}",
                        readModel.processingGroup(),
                        rebuildId,
                        collections.generations(readModel.processingGroup()).live());
            });
        }
    }

    /** The holder at once; another instance once nobody has tried for {@code takeoverAfter}. */
    private boolean mayStart(StreamingEventProcessor processor, Instant lastTry) {
        return !processor.processingStatus().isEmpty()
                || lastTry == null
                || Duration.between(lastTry, clock.instant()).compareTo(takeoverAfter) >= 0;
    }

    private Instant lastTry(ReadModelCollections.Requested requested) {
        return progress.of(requested.rebuildId())
                .map(RebuildProgress.Progress::lastAttemptAt)
                .filter(at -> at.isAfter(requested.markedAt()))
                .orElse(requested.markedAt());
    }

    /**
     * Stops the processor here and claims its segments; then opens the new generation (unless it was opened by a
     * starter that died before resetting), empties it, resets the tokens and marks them reset — each step a
     * compare-and-set or idempotent, so that a crash anywhere leaves a state the next holder completes.
     */
    private void start(StreamingEventProcessor processor, ReadModelCollections.ReadModel readModel, String rebuildId) {
        String name = readModel.processingGroup();
        processor.shutDown();
        try {
            String notClaimed = claimSegments(name);
            if (notClaimed != null) {
                progress.waiting(rebuildId, notClaimed);
                return;
            }
            ReadModelCollections.Generations current = collections.fresh(name);
            if (current.building() == null
                    && current.requested() != null
                    && current.requested().rebuildId().equals(rebuildId)) {
                current = collections.beginRequested(readModel, current).orElse(null);
            } else if (current.building() == null || current.reset() || !rebuildId.equals(current.rebuildId())) {
                current = null;
            }
            if (current == null) {
                return; // another instance started it meanwhile
            }
            collections.prepareBuilding(readModel, current.building());
            progress.started(rebuildId, name, current.building(), node.value());
            try {
                processor.resetTokens();
            } catch (RuntimeException notReset) {
                collections.abandonRebuild(readModel);
                progress.restarting(rebuildId, name, "the processor could not be reset: " + notReset.getMessage());
                log.warn(
                        "Rebuild {} of {} could not reset the processor; it stays requested",
                        rebuildId,
                        name,
                        notReset);
                return;
            }
            if (collections.markReset(readModel, current)) {
                log.info(
                        "Rebuilding read model {} into generation {} (rebuild {})",
                        name,
                        current.building(),
                        rebuildId);
            }
        } finally {
            processor.start();
        }
    }

    /**
     * Claims every segment of the stopped processor for this instance; answers why not if another instance holds one,
     * or if the processor has no tokens yet (a reset would not make it replay).
     */
    private String claimSegments(String processorName) {
        int[] segments = tokens.fetchSegments(processorName);
        if (segments.length == 0) {
            return "the processor " + processorName + " has not started reading yet; the rebuild waits until it has";
        }
        try {
            for (int segment : segments) {
                tokens.fetchToken(processorName, segment);
            }
            return null;
        } catch (UnableToClaimTokenException heldElsewhere) {
            return "another query-side instance holds the segments of " + processorName
                    + "; it starts the rebuild, or this one does once they are free";
        }
    }

    @Override
    public void destroy() {
        if (rebuilds != null) {
            rebuilds.close();
        }
    }
}
