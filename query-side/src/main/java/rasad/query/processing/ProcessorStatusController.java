package rasad.query.processing;

import io.swagger.v3.oas.annotations.Operation;
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
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import rasad.eventstore.engine.ProcessingProgress;
import rasad.eventstore.engine.RasadEventStorageEngine;

/**
 * How far each read model's processor has read: position, events and seconds behind, whether it is replaying,
 * and when it will have caught up at the rate measured between two calls.
 */
@RestController
class ProcessorStatusController {

    private final EventProcessingConfiguration processing;
    private final RasadEventStorageEngine engine;
    private final Clock clock;
    private final Map<String, Sample> lastSeen = new ConcurrentHashMap<>();

    ProcessorStatusController(EventProcessingConfiguration processing, RasadEventStorageEngine engine, Clock clock) {
        this.processing = processing;
        this.engine = engine;
        this.clock = clock;
    }

    private record Sample(long position, Instant at) {
    }

    record ProcessorStatus(String name, long position, long head, long behindEvents, Long behindSeconds,
                           boolean replaying, boolean running, String progress, Double eventsPerSecond,
                           Long etaSeconds, List<String> errors) {
    }

    @GetMapping("/api/processors")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'AUDITOR')")
    @Operation(summary = "Each processor's position, lag in events and seconds, replay state and ETA")
    List<ProcessorStatus> processors() {
        long head = engine.headPosition();
        Instant now = clock.instant();
        List<ProcessorStatus> statuses = new ArrayList<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (!(processor instanceof StreamingEventProcessor streaming)) {
                return;
            }
            Map<Integer, EventTrackerStatus> segments = streaming.processingStatus();
            long position = segments.values().stream()
                    .mapToLong(status -> ProcessingProgress.of(status.getTrackingToken(), head).position())
                    .min().orElse(0);
            ProcessingProgress progress = new ProcessingProgress(Math.min(position, head), head);
            Sample previous = lastSeen.put(name, new Sample(position, now));
            Double rate = previous == null || !now.isAfter(previous.at()) ? null
                    : (position - previous.position()) / (Duration.between(previous.at(), now).toMillis() / 1000.0);
            Long eta = rate == null ? null : progress.eta(rate).map(Duration::toSeconds).orElse(null);
            Long behindSeconds = progress.behind() == 0 ? Long.valueOf(0)
                    : engine.recordedAt(position + 1).map(at -> Math.max(0, Duration.between(at, now).toSeconds()))
                    .orElse(null);
            List<String> errors = segments.values().stream().filter(EventTrackerStatus::isErrorState)
                    .map(status -> String.valueOf(status.getError())).toList();
            statuses.add(new ProcessorStatus(name, progress.position(), head, progress.behind(), behindSeconds,
                    streaming.isReplaying(), streaming.isRunning(), progress.toString(), rate, eta, errors));
        });
        return statuses;
    }
}
