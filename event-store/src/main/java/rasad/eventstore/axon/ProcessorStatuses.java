package rasad.eventstore.axon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import rasad.eventstore.engine.ProcessingProgress;
import rasad.eventstore.engine.RasadEventStorageEngine;

/**
 * How far each streaming processor of this process has read: position, events and seconds behind, whether it
 * is replaying, and when it will have caught up at the rate measured between two calls. Both sides answer
 * {@code GET /api/processors} with it (the query side for its read models, the command side for its alert
 * rules). A processor whose segments another instance holds shows {@code claimedHere = false}: ask that one.
 */
public final class ProcessorStatuses {

    private final EventProcessingConfiguration processing;
    private final RasadEventStorageEngine engine;
    private final Clock clock;
    private final Map<String, Sample> lastSeen = new ConcurrentHashMap<>();

    public ProcessorStatuses(EventProcessingConfiguration processing, RasadEventStorageEngine engine, Clock clock) {
        this.processing = processing;
        this.engine = engine;
        this.clock = clock;
    }

    private record Sample(long position, Instant at) {}

    public record Status(
            String name,
            long position,
            long head,
            long behindEvents,
            Long behindSeconds,
            boolean replaying,
            boolean running,
            boolean claimedHere,
            String progress,
            Double eventsPerSecond,
            Long etaSeconds,
            List<String> errors) {}

    public List<Status> all() {
        long head = engine.headPosition();
        Instant now = clock.instant();
        List<Status> statuses = new ArrayList<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (!(processor instanceof StreamingEventProcessor streaming)) {
                return;
            }
            Map<Integer, EventTrackerStatus> segments = streaming.processingStatus();
            long position = segments.values().stream()
                    .mapToLong(status -> ProcessingProgress.of(status.getTrackingToken(), head)
                            .position())
                    .min()
                    .orElse(0);
            ProcessingProgress progress = new ProcessingProgress(Math.min(position, head), head);
            Sample previous = lastSeen.put(name, new Sample(position, now));
            Double rate = previous == null || !now.isAfter(previous.at())
                    ? null
                    : (position - previous.position())
                            / (Duration.between(previous.at(), now).toMillis() / 1000.0);
            Long eta = rate == null
                    ? null
                    : progress.eta(rate).map(Duration::toSeconds).orElse(null);
            Long behindSeconds = progress.behind() == 0
                    ? Long.valueOf(0)
                    : engine.recordedAt(position + 1)
                            .map(at -> Math.max(0, Duration.between(at, now).toSeconds()))
                            .orElse(null);
            List<String> errors = segments.values().stream()
                    .filter(EventTrackerStatus::isErrorState)
                    .map(status -> String.valueOf(status.getError()))
                    .toList();
            statuses.add(new Status(
                    name,
                    progress.position(),
                    head,
                    progress.behind(),
                    behindSeconds,
                    streaming.isReplaying(),
                    streaming.isRunning(),
                    !segments.isEmpty(),
                    progress.toString(),
                    rate,
                    eta,
                    errors));
        });
        return statuses;
    }
}
