package rasad.command.job;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import rasad.command.audittrail.AttributedCommands;
import rasad.edge.access.RasadUser;
import rasad.edge.problem.FieldErrors;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.job.CorrectJob;
import rasad.kernel.job.EndJob;
import rasad.kernel.job.FollowUpOutcome;
import rasad.kernel.job.JobId;
import rasad.kernel.job.RecordFollowUp;
import rasad.kernel.job.RegisterJob;
import rasad.kernel.people.NationalId;
import rasad.kernel.text.TypedEnum;

@RestController
class JobController {

    private final AttributedCommands commands;
    private final JobRegistrations registrations;
    private final FollowUpPolicy followUps;

    JobController(AttributedCommands commands, JobRegistrations registrations, FollowUpPolicy followUps) {
        this.commands = commands;
        this.registrations = registrations;
        this.followUps = followUps;
    }

    @PostMapping("/api/facilities/{facilityId}/jobs")
    @PreAuthorize("hasAnyRole('AGENCY_CLERK', 'ADMIN')")
    @Operation(
            summary = "Register a job under a facility (agency clerk of the facility's agency)",
            description =
                    "One person, one counted job: a national id holding an active job under another "
                            + "facility is 409 JOB_ALREADY_COUNTED, naming that facility. The same jobId again answers the same.")
    @ApiResponse(responseCode = "201", description = "Registered")
    ResponseEntity<RegisteredJob> register(@PathVariable String facilityId, @RequestBody JobRequest request) {
        FieldErrors errors = new FieldErrors();
        FacilityId facility = errors.check("facilityId", () -> FacilityId.of(facilityId));
        NationalId person = errors.check("nationalId", () -> NationalId.of(request.nationalId()));
        JobId jobId = errors.check("jobId", () -> JobId.of(request.jobId()));
        LocalDate startedOn = errors.check("startedOn", () -> FieldErrors.required(request.startedOn(), "start date"));
        errors.throwIfAny();
        RegisterJob command = errors.check(
                "occupation",
                () -> new RegisterJob(
                        person,
                        jobId,
                        facility,
                        request.occupation(),
                        startedOn,
                        request.fullTime() == null || request.fullTime(),
                        request.seasonalMonths() == null ? 0 : request.seasonalMonths(),
                        request.insuranceNumber()));
        errors.throwIfAny();
        registrations.register(command, RasadUser.current());
        return ResponseEntity.status(201).body(new RegisteredJob(person.value(), jobId.value(), facility.value()));
    }

    @PostMapping("/api/people/{nationalId}/jobs/{jobId}/end")
    @PreAuthorize("hasAnyRole('AGENCY_CLERK', 'INSPECTOR', 'ADMIN')")
    @Operation(summary = "End a job; the person may then be counted again")
    ResponseEntity<Void> end(
            @PathVariable String nationalId, @PathVariable String jobId, @RequestBody EndRequest request) {
        FieldErrors errors = new FieldErrors();
        NationalId person = errors.check("nationalId", () -> NationalId.of(nationalId));
        JobId job = errors.check("jobId", () -> JobId.of(jobId));
        LocalDate endedOn = errors.check("endedOn", () -> FieldErrors.required(request.endedOn(), "end date"));
        errors.throwIfAny();
        commands.send(new EndJob(person, job, endedOn, request.reason()), request.reason());
        return ResponseEntity.ok().build();
    }

    @PostMapping("/api/people/{nationalId}/jobs/{jobId}/follow-ups")
    @PreAuthorize("hasAnyRole('AGENCY_CLERK', 'INSPECTOR', 'ADMIN')")
    @Operation(
            summary = "Record a sustainability follow-up: STILL_ACTIVE, ENDED (with endedOn) or UNREACHABLE",
            description =
                    "horizon is one of the configured horizons, as the FollowUpRequested event names it or in days "
                            + "(ISO-8601 durations: PT4368H or P182D); any other is 400 HORIZON_UNKNOWN")
    ResponseEntity<Void> followUp(
            @PathVariable String nationalId, @PathVariable String jobId, @RequestBody FollowUpRequest request) {
        FieldErrors errors = new FieldErrors();
        NationalId person = errors.check("nationalId", () -> NationalId.of(nationalId));
        JobId job = errors.check("jobId", () -> JobId.of(jobId));
        FollowUpOutcome outcome = errors.check("outcome", () -> outcome(request.outcome()));
        String horizon = errors.check("horizon", () -> followUps.horizon(request.horizon()));
        errors.throwIfAny();
        RecordFollowUp command =
                errors.check("endedOn", () -> new RecordFollowUp(person, job, horizon, outcome, request.endedOn()));
        errors.throwIfAny();
        commands.send(command);
        return ResponseEntity.status(201).build();
    }

    private static FollowUpOutcome outcome(String value) {
        return TypedEnum.parse(FollowUpOutcome.class, value, "UNKNOWN_OUTCOME", "outcome");
    }

    @PostMapping("/api/people/{nationalId}/jobs/{jobId}/corrections")
    @PreAuthorize("hasAnyRole('AGENCY_CLERK', 'ADMIN')")
    @Operation(summary = "Correct a job's description, with a reason (the registration stays in history)")
    ResponseEntity<Void> correct(
            @PathVariable String nationalId, @PathVariable String jobId, @RequestBody CorrectionRequest request) {
        FieldErrors errors = new FieldErrors();
        NationalId person = errors.check("nationalId", () -> NationalId.of(nationalId));
        JobId job = errors.check("jobId", () -> JobId.of(jobId));
        LocalDate startedOn = errors.check("startedOn", () -> FieldErrors.required(request.startedOn(), "start date"));
        errors.throwIfAny();
        CorrectJob command = errors.check(
                "reason",
                () -> new CorrectJob(
                        person,
                        job,
                        request.occupation(),
                        startedOn,
                        request.fullTime() == null || request.fullTime(),
                        request.seasonalMonths() == null ? 0 : request.seasonalMonths(),
                        request.reason()));
        errors.throwIfAny();
        commands.send(command, command.reason());
        return ResponseEntity.ok().build();
    }

    record CorrectionRequest(
            String occupation, LocalDate startedOn, Boolean fullTime, Integer seasonalMonths, String reason) {}

    record FollowUpRequest(String horizon, String outcome, LocalDate endedOn) {}

    record JobRequest(
            String jobId,
            String nationalId,
            String occupation,
            LocalDate startedOn,
            Boolean fullTime,
            Integer seasonalMonths,
            String insuranceNumber) {}

    record RegisteredJob(String nationalId, String jobId, String facilityId) {}

    record EndRequest(LocalDate endedOn, String reason) {}
}
