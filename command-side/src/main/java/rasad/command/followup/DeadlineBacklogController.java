package rasad.command.followup;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import rasad.eventstore.deadline.MongoDeadlineManager;

/**
 * How much durable work is due and not yet done: follow-ups, their misses, the rules' checks. After an import
 * of past years thousands fall due at once; Rasad has settled when this is zero and every processor is caught up.
 */
@RestController
class DeadlineBacklogController {

    /** {@code dueBacklog}: deadlines due by now that have not run yet. */
    record DeadlineBacklog(long dueBacklog) {}

    private final MongoDeadlineManager deadlines;

    DeadlineBacklogController(MongoDeadlineManager deadlines) {
        this.deadlines = deadlines;
    }

    @GetMapping("/api/deadlines/backlog")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'AUDITOR')")
    @Operation(summary = "Deadlines due by now and not yet run (0 when the durable work has caught up)")
    DeadlineBacklog backlog() {
        return new DeadlineBacklog(deadlines.dueBacklog());
    }
}
