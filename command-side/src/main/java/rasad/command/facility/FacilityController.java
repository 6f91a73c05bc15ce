package rasad.command.facility;

import rasad.kernel.text.TypedEnum;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import rasad.command.referencedata.RetiredCodes;
import rasad.kernel.referencedata.ReferenceEntryId;
import rasad.kernel.referencedata.ReferenceKind;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import java.time.LocalDate;
import rasad.edge.access.RasadUser;
import rasad.command.audittrail.AttributedCommands;
import rasad.kernel.audit.Role;
import rasad.kernel.validation.NotResponsible;
import org.springframework.web.bind.annotation.PathVariable;
import rasad.edge.problem.FieldErrors;
import rasad.kernel.committee.FinancePlan;
import rasad.kernel.facility.CloseFacility;
import rasad.kernel.facility.ClosureKind;
import rasad.kernel.facility.DisburseTranche;
import rasad.kernel.facility.TrancheId;
import rasad.kernel.validation.RecordedRefusal;
import rasad.kernel.money.Rials;
import rasad.kernel.validation.InvalidValueException;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.facility.GrantFacility;

@RestController
@RequestMapping("/api/facilities")
class FacilityController {

    private final AttributedCommands commands;
    private final QuotaAccounting quotas;
    private final GrantedFacilities granted;
    private final RetiredCodes retiredCodes;
    private final URI querySide;

    FacilityController(AttributedCommands commands, QuotaAccounting quotas, GrantedFacilities granted,
                       RetiredCodes retiredCodes, @Value("${rasad.links.query-side}") URI querySide) {
        this.commands = commands;
        this.quotas = quotas;
        this.granted = granted;
        this.retiredCodes = retiredCodes;
        this.querySide = querySide;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('BANK_OFFICER', 'AGENCY_CLERK', 'ADMIN')")
    @Operation(summary = "Grant a facility (a bank officer for their bank, an agency clerk for their agency)",
            description = "Idempotent: the same facilityId with the same details answers as the first time and "
                    + "records nothing new; with different details it is refused (409, FACILITY_ID_TAKEN).")
    @ApiResponse(responseCode = "201", description = "Granted; Location is the case on the query side")
    @ApiResponse(responseCode = "400", description = "A field broke its rule; each is named in errors[]")
    @ApiResponse(responseCode = "409", description = "The facility id is taken by a different grant")
    ResponseEntity<GrantedFacility> grant(@RequestBody GrantFacilityRequest request) {
        GrantFacility command = request.toCommand();
        refuseIfNotResponsible(command);
        if (granted.find(command.facilityId()).isEmpty()) {
            // a retry of a grant recorded before its code was retired still answers as the first time
            retiredCodes.refuse(codesNamed(command));
        }
        if (command.approvedPlan() != null) {
            financePlan(command);
        }
        FacilityId id = commands.send(command);
        URI location = querySide.resolve("/api/facilities/" + id.value());
        return ResponseEntity.created(location).body(new GrantedFacility(id.value(), location.toString()));
    }

    private static Map<String, ReferenceEntryId> codesNamed(GrantFacility command) {
        Map<String, ReferenceEntryId> codes = new LinkedHashMap<>();
        codes.put("programme", new ReferenceEntryId(ReferenceKind.PROGRAMME, command.programme().value()));
        codes.put("bank", new ReferenceEntryId(ReferenceKind.BANK, command.bank().value()));
        codes.put("agency", new ReferenceEntryId(ReferenceKind.AGENCY, command.agency().value()));
        codes.put("county", new ReferenceEntryId(ReferenceKind.COUNTY, command.county().value()));
        if (command.branch() != null) {
            codes.put("branch", new ReferenceEntryId(ReferenceKind.BANK_BRANCH, command.branch()));
        }
        if (command.fundingSource() != null) {
            codes.put("fundingSource", new ReferenceEntryId(ReferenceKind.FUNDING_SOURCE, command.fundingSource()));
        }
        return codes;
    }

    /** A bank officer grants for their own bank, an agency clerk for their own agency. */
    private static void refuseIfNotResponsible(GrantFacility command) {
        RasadUser user = RasadUser.current();
        if (user.role() == Role.BANK_OFFICER && !command.bank().value().equals(user.onBehalfOf())) {
            throw new NotResponsible("NOT_THE_FACILITYS_BANK",
                    "a facility of " + command.bank() + " is granted by that bank, not by " + user.onBehalfOf());
        }
        if (user.role() == Role.AGENCY_CLERK && !command.agency().value().equals(user.onBehalfOf())) {
            throw new NotResponsible("NOT_THE_FACILITYS_AGENCY",
                    "a facility introduced by " + command.agency() + " is recorded by that agency, not by "
                            + user.onBehalfOf());
        }
    }

    /**
     * The approved plan is asked first: it admits one facility, within its amount. A crash between this and the
     * grant leaves the plan held for this facility id, and the client's retry of the same grant completes it.
     */
    private void financePlan(GrantFacility command) {
        try {
            commands.send(new FinancePlan(command.approvedPlan(), command.facilityId(), command.amount()));
        } catch (org.axonframework.modelling.command.AggregateNotFoundException unknown) {
            throw new rasad.kernel.validation.RuleViolation("PLAN_UNKNOWN",
                    "no approved plan " + command.approvedPlan() + " is recorded");
        }
    }

    @PostMapping("/{facilityId}/tranches")
    @PreAuthorize("hasAnyRole('BANK_OFFICER', 'ADMIN')")
    @Operation(summary = "Record a disbursement tranche (bank officer of the facility's bank)",
            description = "Never above the granted amount (409 DISBURSEMENT_EXCEEDS_GRANT), never before the grant, "
                    + "never after closure; the same trancheId again answers the same; another bank's officer: 403.")
    @ApiResponse(responseCode = "201", description = "Recorded; the body says how much is paid so far")
    ResponseEntity<Disbursement> disburse(@PathVariable String facilityId, @RequestBody TrancheRequest request) {
        FieldErrors errors = new FieldErrors();
        FacilityId id = errors.check("facilityId", () -> FacilityId.of(facilityId));
        TrancheId tranche = errors.check("trancheId", () -> TrancheId.of(request.trancheId()));
        Rials amount = errors.check("amountRials", () -> Rials.positive(FieldErrors.required(request.amountRials(), "amount")));
        LocalDate paidOn = errors.check("paidOn", () -> FieldErrors.required(request.paidOn(), "payment date"));
        errors.throwIfAny();
        DisburseTranche command = errors.check("paidOn", () -> new DisburseTranche(id, tranche, amount, paidOn));
        errors.throwIfAny();
        Object answer = commands.send(command);
        if (answer instanceof RecordedRefusal refused) {
            throw refused.asViolation();
        }
        Rials paidSoFar = (Rials) answer;
        boolean beyondQuota = quotas.countAgainstQuota(id, tranche, amount, paidOn);
        return ResponseEntity.status(201).body(new Disbursement(id.value(), tranche.value(), paidSoFar.amount(),
                beyondQuota));
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

    record GrantedFacility(String facilityId, String location) {
    }

    record TrancheRequest(String trancheId, Long amountRials, LocalDate paidOn) {
    }

    /** {@code beyondQuota}: the payment took the bank past its quota, or no quota covers it (flagged, not refused). */
    record Disbursement(String facilityId, String trancheId, long paidSoFarRials, boolean beyondQuota) {
    }

    record ClosureRequest(String kind, LocalDate closedOn, String reason) {
    }
}
