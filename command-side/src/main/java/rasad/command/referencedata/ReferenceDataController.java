package rasad.command.referencedata;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import rasad.command.audittrail.AttributedCommands;
import rasad.edge.problem.FieldErrors;
import rasad.kernel.referencedata.AddReferenceEntry;
import rasad.kernel.referencedata.ReferenceEntryId;
import rasad.kernel.referencedata.ReferenceKind;
import rasad.kernel.referencedata.RetireReferenceEntry;
import rasad.kernel.validation.InvalidValueException;

@RestController
@RequestMapping("/api/reference-data")
@PreAuthorize("hasRole('ADMIN')")
class ReferenceDataController {

    private final AttributedCommands commands;
    private final URI querySide;

    ReferenceDataController(AttributedCommands commands, @Value("${rasad.links.query-side}") URI querySide) {
        this.commands = commands;
        this.querySide = querySide;
    }

    @PostMapping
    @Operation(
            summary = "Add a programme, funding source, agency, bank, branch or county (admin)",
            description = "Idempotent: the same entry again answers the same; the same code with other details "
                    + "is 409 REFERENCE_CODE_TAKEN; a retired code is 409 REFERENCE_ENTRY_RETIRED.")
    @ApiResponse(responseCode = "201", description = "Added; Location is the entry on the query side")
    ResponseEntity<AddedEntry> add(@RequestBody AddReferenceEntryRequest request) {
        AddReferenceEntry command = request.toCommand();
        commands.send(command);
        URI location = querySide.resolve("/api/reference-data/" + command.id().kind() + "/"
                + command.id().code());
        return ResponseEntity.created(location)
                .body(new AddedEntry(command.id().kind().name(), command.id().code(), location.toString()));
    }

    @PostMapping("/{kind}/{code}/retirement")
    @Operation(
            summary = "Retire an entry, with a reason (admin)",
            description = "The entry stays in history; retiring twice keeps the first reason.")
    @ApiResponse(responseCode = "204", description = "Retired")
    @ApiResponse(responseCode = "404", description = "No such entry")
    ResponseEntity<Void> retire(
            @PathVariable String kind, @PathVariable String code, @RequestBody RetirementRequest request) {
        FieldErrors errors = new FieldErrors();
        ReferenceKind referenceKind = errors.check("kind", () -> AddReferenceEntryRequest.kind(kind));
        ReferenceEntryId id =
                referenceKind == null ? null : errors.check("code", () -> new ReferenceEntryId(referenceKind, code));
        String reason = errors.check(
                "reason",
                () -> InvalidValueException.requiredText(request == null ? null : request.reason(), "reason"));
        errors.throwIfAny();
        RetireReferenceEntry command = new RetireReferenceEntry(id, reason);
        commands.send(command, command.reason());
        return ResponseEntity.noContent().build();
    }

    record AddedEntry(String kind, String code, String location) {}

    record RetirementRequest(String reason) {}
}
