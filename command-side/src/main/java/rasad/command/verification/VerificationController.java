package rasad.command.verification;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import rasad.command.audittrail.AttributedCommands;
import rasad.command.facility.GrantedFacilities;
import rasad.edge.problem.FieldErrors;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.job.JobId;
import rasad.kernel.text.TypedEnum;
import rasad.kernel.validation.InvalidValueException;
import rasad.kernel.verification.JobVerificationId;
import rasad.kernel.verification.PhoneOutcome;
import rasad.kernel.verification.RecordPhoneCheck;
import rasad.kernel.verification.RecordSmsCheck;
import rasad.kernel.verification.SmsOutcome;

/** Stages 1 and 2 of a job's verification, recorded by the agency that answers for the job (or an admin). */
@RestController
@RequestMapping("/api/facilities/{facilityId}/jobs/{jobId}")
@PreAuthorize("hasAnyRole('AGENCY_CLERK', 'ADMIN')")
class VerificationController {

    private final AttributedCommands commands;
    private final GrantedFacilities facilities;

    VerificationController(AttributedCommands commands, GrantedFacilities facilities) {
        this.commands = commands;
        this.facilities = facilities;
    }

    @PostMapping("/sms-checks")
    @Operation(
            summary = "Record a stage-1 SMS outcome: SENT, CONFIRMED, DENIED or NO_ANSWER",
            description = "A passed stage is not re-done (409 STAGE_ALREADY_PASSED); a failed one needs a reason.")
    ResponseEntity<Void> sms(
            @PathVariable String facilityId, @PathVariable String jobId, @RequestBody SmsRequest request) {
        FieldErrors errors = new FieldErrors();
        JobVerificationId id = id(errors, facilityId, jobId);
        SmsOutcome outcome = errors.check("outcome", () -> parse(SmsOutcome.class, request.outcome()));
        Instant at = errors.check("at", () -> FieldErrors.required(request.at(), "time"));
        errors.throwIfAny();
        facilities.require(id.facilityId(), "facilityId");
        commands.send(new RecordSmsCheck(id, outcome, at, request.reason()), request.reason());
        return ResponseEntity.status(201).build();
    }

    @PostMapping("/phone-checks")
    @Operation(
            summary = "Record a stage-2 phone outcome: CONFIRMED, DENIED or UNREACHABLE",
            description = "Only after a confirmed SMS check (409 SMS_CHECK_NOT_PASSED).")
    ResponseEntity<Void> phone(
            @PathVariable String facilityId, @PathVariable String jobId, @RequestBody PhoneRequest request) {
        FieldErrors errors = new FieldErrors();
        JobVerificationId id = id(errors, facilityId, jobId);
        PhoneOutcome outcome = errors.check("outcome", () -> parse(PhoneOutcome.class, request.outcome()));
        Instant at = errors.check("at", () -> FieldErrors.required(request.at(), "time"));
        String caller = errors.check("caller", () -> InvalidValueException.requiredText(request.caller(), "caller"));
        errors.throwIfAny();
        facilities.require(id.facilityId(), "facilityId");
        commands.send(
                new RecordPhoneCheck(id, outcome, at, caller, request.notes(), request.reason()), request.reason());
        return ResponseEntity.status(201).build();
    }

    private static JobVerificationId id(FieldErrors errors, String facilityId, String jobId) {
        FacilityId facility = errors.check("facilityId", () -> FacilityId.of(facilityId));
        JobId job = errors.check("jobId", () -> JobId.of(jobId));
        return facility == null || job == null ? null : new JobVerificationId(facility, job);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        return TypedEnum.parse(type, value, "UNKNOWN_OUTCOME", "outcome");
    }

    record SmsRequest(String outcome, Instant at, String reason) {}

    record PhoneRequest(String outcome, Instant at, String caller, String notes, String reason) {}
}
