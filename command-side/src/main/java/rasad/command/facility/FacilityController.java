package rasad.command.facility;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import rasad.command.audittrail.AttributedCommands;
import rasad.edge.access.RasadUser;
import rasad.edge.problem.FieldErrors;
import rasad.kernel.facility.CloseFacility;
import rasad.kernel.facility.ClosureKind;
import rasad.kernel.facility.DisburseTranche;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.facility.TrancheId;
import rasad.kernel.money.Rials;
import rasad.kernel.text.TypedEnum;

@RestController
@RequestMapping("/api/facilities")
class FacilityController {

    private final AttributedCommands commands;
    private final Grants grants;
    private final Disbursements disbursements;
    private final URI querySide;

    FacilityController(
            AttributedCommands commands,
            Grants grants,
            Disbursements disbursements,
            @Value("${rasad.links.query-side}") URI querySide) {
        this.commands = commands;
        this.grants = grants;
        this.disbursements = disbursements;
        this.querySide = querySide;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('BANK_OFFICER', 'AGENCY_CLERK', 'ADMIN')")
    @Operation(
            summary = "Grant a facility (a bank officer for their bank, an agency clerk for their agency)",
            description = "Idempotent: the same facilityId with the same details answers as the first time and "
                    + "records nothing new; with different details it is refused (409, FACILITY_ID_TAKEN).")
    @ApiResponse(responseCode = "201", description = "Granted; Location is the case on the query side")
    @ApiResponse(responseCode = "400", description = "A field broke its rule; each is named in errors[]")
    @ApiResponse(responseCode = "409", description = "The facility id is taken by a different grant")
    ResponseEntity<GrantedFacility> grant(@RequestBody GrantFacilityRequest request) {
        FacilityId id = grants.grant(request.toCommand(), RasadUser.current());
        URI location = querySide.resolve("/api/facilities/" + id.value());
        return ResponseEntity.created(location).body(new GrantedFacility(id.value(), location.toString()));
    }

    @PostMapping("/{facilityId}/tranches")
    @PreAuthorize("hasAnyRole('BANK_OFFICER', 'ADMIN')")
    @Operation(
            summary = "Record a disbursement tranche (bank officer of the facility's bank)",
            description = "Never above the granted amount (409 DISBURSEMENT_EXCEEDS_GRANT), never before the grant, "
                    + "never after closure; the same trancheId again answers the same; another bank's officer: 403.")
    @ApiResponse(responseCode = "201", description = "Recorded; the body says how much is paid so far")
    ResponseEntity<Disbursement> disburse(@PathVariable String facilityId, @RequestBody TrancheRequest request) {
        FieldErrors errors = new FieldErrors();
        FacilityId id = errors.check("facilityId", () -> FacilityId.of(facilityId));
        TrancheId tranche = errors.check("trancheId", () -> TrancheId.of(request.trancheId()));
        Rials amount = errors.check(
                "amountRials", () -> Rials.positive(FieldErrors.required(request.amountRials(), "amount")));
        LocalDate paidOn = errors.check("paidOn", () -> FieldErrors.required(request.paidOn(), "payment date"));
        errors.throwIfAny();
        DisburseTranche command = errors.check("paidOn", () -> new DisburseTranche(id, tranche, amount, paidOn));
        errors.throwIfAny();
        Disbursements.Disbursed disbursed = disbursements.disburse(command);
        return ResponseEntity.status(201)
                .body(new Disbursement(
                        id.value(), tranche.value(), disbursed.paidSoFarRials(), disbursed.beyondQuota()));
    }

    @PostMapping("/{facilityId}/closure")
    @PreAuthorize("hasAnyRole('BANK_OFFICER', 'MANAGER', 'ADMIN')")
    @Operation(summary = "Close a facility: REPAID, RECALLED or WRITTEN_OFF (a recall or write-off needs a reason)")
    ResponseEntity<Void> close(@PathVariable String facilityId, @RequestBody ClosureRequest request) {
        FieldErrors errors = new FieldErrors();
        FacilityId id = errors.check("facilityId", () -> FacilityId.of(facilityId));
        ClosureKind kind = errors.check("kind", () -> closureKind(request.kind()));
        LocalDate closedOn = errors.check("closedOn", () -> FieldErrors.required(request.closedOn(), "closing date"));
        errors.throwIfAny();
        CloseFacility command = errors.check("reason", () -> new CloseFacility(id, kind, closedOn, request.reason()));
        errors.throwIfAny();
        commands.send(command, command.reason());
        return ResponseEntity.ok().build();
    }

    private static ClosureKind closureKind(String value) {
        return TypedEnum.parse(ClosureKind.class, value, "UNKNOWN_CLOSURE_KIND", "closure kind");
    }

    record GrantedFacility(String facilityId, String location) {}

    record TrancheRequest(String trancheId, Long amountRials, LocalDate paidOn) {}

    /** {@code beyondQuota}: the payment took the bank past its quota, or no quota covers it (flagged, not refused). */
    record Disbursement(String facilityId, String trancheId, long paidSoFarRials, boolean beyondQuota) {}

    record ClosureRequest(String kind, LocalDate closedOn, String reason) {}
}
