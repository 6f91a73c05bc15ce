package rasad.command.monitoring;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import rasad.eventstore.axon.ProcessorStatuses;
import rasad.eventstore.engine.RasadEventStorageEngine;

/** How far the alert rules (and the triage follow-ups) have read: an alert is as late as they are. */
@RestController
class RulesStatusController {

    private final ProcessorStatuses statuses;

    RulesStatusController(EventProcessingConfiguration processing, RasadEventStorageEngine engine, Clock clock) {
        this.statuses = new ProcessorStatuses(processing, engine, clock);
    }

    @GetMapping("/api/processors")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'AUDITOR')")
    @Operation(
            summary = "The alert processors' position, lag in events and seconds, replay state and ETA on this "
                    + "instance (claimedHere = false: another instance holds it)")
    List<ProcessorStatuses.Status> processors() {
        return statuses.all();
    }
}
