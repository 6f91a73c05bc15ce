package rasad.query.processing;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import rasad.eventstore.axon.PeriodicTask;
import rasad.query.problem.NotFoundException;
import rasad.query.problem.QueryConflictException;

/**
 * Rebuilds a read model from the first event into fresh collections; queries keep reading the old ones until
 * the processor has replayed everything, then switch over at once.
 * <p>The old collections stop following new events while the rebuild runs (the processor writes only the
 * fresh ones), so answers during a rebuild are as of its start; {@code GET /api/processors} shows the replay
 * and its ETA.
 */
@RestController
class ReadModelRebuilds implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuilds.class);

    private final EventProcessingConfiguration processing;
    private final ReadModelCollections collections;
    private final PeriodicTask switchOver;

    ReadModelRebuilds(EventProcessingConfiguration processing, ReadModelCollections collections) {
        this.processing = processing;
        this.collections = collections;
        this.switchOver = new PeriodicTask("read-model-switch-over", Duration.ofSeconds(1), this::switchFinishedRebuilds);
    }

    record RebuildStarted(String processor, int generation) {
    }

    @PostMapping("/api/processors/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Rebuild one read model from the first event into fresh collections, switched over once caught up")
    RebuildStarted rebuild(@PathVariable String name) {
        ReadModelCollections.ReadModel readModel = collections.readModel(name)
                .orElseThrow(() -> new NotFoundException("no rebuildable read model kept by a processor named " + name));
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new NotFoundException("no streaming processor named " + name));
        if (!collections.beginRebuild(readModel)) {
            throw new QueryConflictException("REBUILD_IN_PROGRESS", name + " is being rebuilt already");
        }
        try {
            processor.shutDown();
            processor.resetTokens();
        } catch (RuntimeException claimedElsewhere) {
            // another instance holds a segment: it must let go (stop, or scale down) before a reset
            collections.abandonRebuild(readModel);
            throw new QueryConflictException("PROCESSOR_CLAIMED_ELSEWHERE",
                    "another instance is running " + name + "; " + claimedElsewhere.getMessage());
        } finally {
            processor.start();
        }
        int generation = collections.generations(name).written();
        log.info("Rebuilding read model {} into generation {}", name, generation);
        return new RebuildStarted(name, generation);
    }

    /** Switches each rebuilt read model whose processor, here, has finished replaying. */
    private void switchFinishedRebuilds() {
        processing.eventProcessors().forEach((name, candidate) -> {
            if (!(candidate instanceof StreamingEventProcessor processor)) {
                return;
            }
            collections.readModel(name).ifPresent(readModel -> {
                Map<Integer, ?> segments = processor.processingStatus();
                boolean rebuilding = collections.generations(name).building() != null;
                // only the instance holding the segments knows whether the replay is over
                if (rebuilding && processor.isRunning() && !segments.isEmpty() && !processor.isReplaying()
                        && collections.switchOver(readModel)) {
                    log.info("Read model {} rebuilt; queries now read generation {}", name,
                            collections.generations(name).live());
                }
            });
        });
    }

    @Override
    public void destroy() {
        switchOver.close();
    }
}
