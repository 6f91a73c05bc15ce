package rasad.command.operations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import rasad.command.audittrail.AttributedCommands;
import rasad.edge.problem.FieldErrors;
import rasad.kernel.operations.OperatorActionId;
import rasad.kernel.operations.ReadModelName;
import rasad.kernel.operations.ReadModelRebuildRequested;
import rasad.kernel.operations.RebuildId;
import rasad.kernel.operations.RequestReadModelRebuild;

/**
 * Read-model rebuilds are asked for here, as events, so that every rebuild is in the history with who asked and why;
 * the query side carries them out (see {@code docs/operations.md}).
 */
@RestController
class ReadModelRebuildController {

    private final AttributedCommands commands;
    private final URI querySide;

    ReadModelRebuildController(AttributedCommands commands, @Value("${rasad.links.query-side}") URI querySide) {
        this.commands = commands;
        this.querySide = querySide;
    }

    @PostMapping("/api/read-model-rebuilds")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(
            summary = "Ask the query side to rebuild a read model from the first event (admin)",
            description = "rebuildId is the client's: the same request again answers the same and records nothing; the "
                    + "same id for another read model is 409 REBUILD_ID_TAKEN. A reason is required (400 "
                    + "REASON_REQUIRED). Location: the request among the query side's operator actions, which shows "
                    + "when the rebuild started and switched over, or why it was refused.")
    @ApiResponse(responseCode = "202", description = "Recorded; the query side carries it out")
    ResponseEntity<RebuildAccepted> request(@RequestBody RebuildRequest request) {
        FieldErrors errors = new FieldErrors();
        RebuildId rebuildId = errors.check("rebuildId", () -> RebuildId.of(request.rebuildId()));
        String readModel = errors.check("readModel", () -> ReadModelName.check(request.readModel()));
        String reason = errors.check("reason", () -> OperatorActionId.reason(request.reason()));
        errors.throwIfAny();
        ReadModelRebuildRequested requested =
                commands.send(new RequestReadModelRebuild(rebuildId, readModel, reason), reason);
        URI location = querySide.resolve(
                "/api/operator-actions/rebuild:" + requested.rebuildId().value());
        return ResponseEntity.accepted()
                .location(location)
                .body(new RebuildAccepted(
                        requested.rebuildId().value(), requested.readModel(), requested.reason(), location.toString()));
    }

    record RebuildRequest(String rebuildId, String readModel, String reason) {}

    record RebuildAccepted(String rebuildId, String readModel, String reason, String location) {}
}
