package rasad.command.diversion;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import rasad.command.audittrail.AttributedCommands;
import rasad.command.facility.GrantedFacilities;
import rasad.edge.problem.FieldErrors;
import rasad.kernel.diversion.DecideDiversionFinding;
import rasad.kernel.diversion.RecordDiversionFinding;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.referencedata.ReferenceCode;
import rasad.kernel.validation.InvalidValueException;
import rasad.kernel.verification.EvidenceReference;

@RestController
class DiversionController {

    private final AttributedCommands commands;
    private final GrantedFacilities facilities;

    DiversionController(AttributedCommands commands, GrantedFacilities facilities) {
        this.commands = commands;
        this.facilities = facilities;
    }

    @PostMapping("/api/facilities/{facilityId}/diversion-findings")
    @PreAuthorize("hasAnyRole('INSPECTOR', 'ADMIN')")
    @Operation(summary = "Record a possible diversion of a facility's money, with evidence (inspector, auditor)")
    ResponseEntity<Void> record(@PathVariable String facilityId, @RequestBody FindingRequest request) {
        FieldErrors errors = new FieldErrors();
        FacilityId facility = errors.check("facilityId", () -> FacilityId.of(facilityId));
        LocalDate observedOn =
                errors.check("observedOn", () -> FieldErrors.required(request.observedOn(), "observation date"));
        errors.check("findingId", () -> ReferenceCode.checkCode(request.findingId(), "finding"));
        errors.check("finding", () -> InvalidValueException.requiredText(request.finding(), "finding"));
        List<String> evidence = request.evidence() == null ? List.of() : request.evidence();
        for (int i = 0; i < evidence.size(); i++) {
            String reference = evidence.get(i);
            errors.check("evidence[" + i + "]", () -> EvidenceReference.check(reference, "evidence"));
        }
        errors.throwIfAny();
        RecordDiversionFinding command = errors.check(
                "finding",
                () -> new RecordDiversionFinding(
                        request.findingId(), facility, observedOn, request.finding(), request.evidence()));
        errors.throwIfAny();
        facilities.require(facility, "facilityId");
        commands.send(command);
        return ResponseEntity.status(201).build();
    }

    @PostMapping("/api/diversion-findings/{findingId}/decision")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @Operation(summary = "Decide a finding: confirmed (recall requested) or dismissed, with a reason (manager)")
    ResponseEntity<Void> decide(@PathVariable String findingId, @RequestBody DecisionRequest request) {
        FieldErrors errors = new FieldErrors();
        Boolean confirmed = errors.check("confirmed", () -> FieldErrors.required(request.confirmed(), "decision"));
        errors.check("findingId", () -> ReferenceCode.checkCode(findingId, "finding"));
        String reason = errors.check("reason", () -> InvalidValueException.requiredText(request.reason(), "reason"));
        errors.throwIfAny();
        DecideDiversionFinding command = new DecideDiversionFinding(findingId, confirmed, reason);
        commands.send(command, command.reason());
        return ResponseEntity.ok().build();
    }

    record FindingRequest(String findingId, LocalDate observedOn, String finding, List<String> evidence) {}

    record DecisionRequest(Boolean confirmed, String reason) {}
}
