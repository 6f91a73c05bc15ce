package rasad.query.processing;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import rasad.eventstore.axon.ProcessorStatuses;
import rasad.eventstore.engine.RasadEventStorageEngine;

/** How far each read model's processor has read (see {@link ProcessorStatuses}). */
@RestController
class ProcessorStatusController {

    private final ProcessorStatuses statuses;

    ProcessorStatusController(EventProcessingConfiguration processing, RasadEventStorageEngine engine, Clock clock) {
        this.statuses = new ProcessorStatuses(processing, engine, clock);
    }

    @GetMapping("/api/processors")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'AUDITOR')")
    @Operation(summary = "Each processor's position, lag in events and seconds, replay state and ETA")
    List<ProcessorStatuses.Status> processors() {
        return statuses.all();
    }
}
