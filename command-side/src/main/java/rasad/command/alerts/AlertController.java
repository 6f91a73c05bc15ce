package rasad.command.alerts;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import rasad.command.audittrail.AttributedCommands;
import rasad.command.staff.StaffRegister;
import rasad.edge.problem.FieldErrors;
import rasad.kernel.alerts.AcknowledgeAlert;
import rasad.kernel.alerts.AddAlertNote;
import rasad.kernel.alerts.AlertIds;
import rasad.kernel.alerts.AlertRaised;
import rasad.kernel.alerts.AlertResolution;
import rasad.kernel.alerts.AssignAlert;
import rasad.kernel.alerts.EscalateAlert;
import rasad.kernel.alerts.ResolveAlert;
import rasad.kernel.referencedata.CountyCode;
import rasad.kernel.text.TypedEnum;
import rasad.kernel.validation.InvalidValueException;

/**
 * Triage: what managers do about an alert. Every step is a command whose event records who, in which role,
 * for whom and why; every step is idempotent under retry (a note carries the client's own id).
 */
@RestController
@RequestMapping("/api/alerts/{alertId}")
class AlertController {

    private final AttributedCommands commands;
    private final StaffRegister staff;
    private final EventStore eventStore;

    AlertController(AttributedCommands commands, StaffRegister staff, EventStore eventStore) {
        this.commands = commands;
        this.staff = staff;
        this.eventStore = eventStore;
    }

    @PostMapping("/acknowledgement")
    @PreAuthorize("hasRole('MANAGER')")
    @Operation(summary = "Take an open alert on (manager)")
    ResponseEntity<Void> acknowledge(@PathVariable String alertId, @RequestBody(required = false) NoteRequest request) {
        String note = request == null ? null : request.note();
        commands.send(new AcknowledgeAlert(id(alertId), note), note);
        return ResponseEntity.ok().build();
    }

    @PostMapping("/assignment")
    @PreAuthorize("hasRole('MANAGER')")
    @Operation(summary = "Send an inspector: schedules a field visit of the alert's facility, due by a date (manager)")
    ResponseEntity<Void> assign(@PathVariable String alertId, @RequestBody AssignmentRequest request) {
        FieldErrors errors = new FieldErrors();
        String checkedId = id(alertId);
        String inspector = errors.check("inspector", () -> knownInspector(request.inspector(), countyOf(checkedId)));
        LocalDate due = errors.check("visitDueOn", () -> FieldErrors.required(request.visitDueOn(), "visit due date"));
        errors.throwIfAny();
        AssignAlert command =
                errors.check("inspector", () -> new AssignAlert(id(alertId), inspector, due, request.note()));
        errors.throwIfAny();
        commands.send(command, command.note());
        return ResponseEntity.ok().build();
    }

    @PostMapping("/notes")
    @PreAuthorize("hasAnyRole('MANAGER', 'INSPECTOR')")
    @Operation(
            summary = "Add a note (manager; the assigned inspector); noteId is the client's, so a retry adds nothing")
    ResponseEntity<Void> note(@PathVariable String alertId, @RequestBody NoteRequest request) {
        FieldErrors errors = new FieldErrors();
        String noteId = errors.check("noteId", () -> AddAlertNote.noteId(request.noteId()));
        errors.throwIfAny();
        AddAlertNote command = errors.check("note", () -> new AddAlertNote(id(alertId), noteId, request.note()));
        errors.throwIfAny();
        commands.send(command);
        return ResponseEntity.status(201).build();
    }

    @PostMapping("/escalation")
    @PreAuthorize("hasRole('MANAGER')")
    @Operation(summary = "Pass the alert up, to whom and why (manager)")
    ResponseEntity<Void> escalate(@PathVariable String alertId, @RequestBody EscalationRequest request) {
        FieldErrors errors = new FieldErrors();
        String to = errors.check(
                "escalateTo", () -> InvalidValueException.requiredText(request.escalateTo(), "escalate to"));
        String reason = errors.check("reason", () -> InvalidValueException.requiredText(request.reason(), "reason"));
        errors.throwIfAny();
        commands.send(new EscalateAlert(id(alertId), to, reason), reason);
        return ResponseEntity.ok().build();
    }

    @PostMapping("/resolution")
    @PreAuthorize("hasRole('MANAGER')")
    @Operation(
            summary =
                    "Resolve: DIVERSION_CONFIRMED (starts the recall decision) or FALSE_ALARM, with a reason (manager only)")
    ResponseEntity<Void> resolve(@PathVariable String alertId, @RequestBody ResolutionRequest request) {
        FieldErrors errors = new FieldErrors();
        AlertResolution resolution = errors.check("resolution", () -> resolution(request.resolution()));
        String reason = errors.check("reason", () -> InvalidValueException.requiredText(request.reason(), "reason"));
        errors.throwIfAny();
        commands.send(new ResolveAlert(id(alertId), resolution, reason), reason);
        return ResponseEntity.ok().build();
    }

    private static String id(String alertId) {
        FieldErrors errors = new FieldErrors();
        String checked = errors.check("alertId", () -> AlertIds.check(alertId));
        errors.throwIfAny();
        return checked;
    }

    private static AlertResolution resolution(String value) {
        return TypedEnum.parse(AlertResolution.class, value, "RESOLUTION_UNKNOWN", "a resolution");
    }

    record NoteRequest(String noteId, String note) {}

    record AssignmentRequest(String inspector, LocalDate visitDueOn, String note) {}

    record EscalationRequest(String escalateTo, String reason) {}

    record ResolutionRequest(String resolution, String reason) {}

    /** An inspector on the staff register, covering the county of the alert's facility. */
    private String knownInspector(String name, CountyCode county) {
        String inspector = InvalidValueException.requiredText(name, "inspector").strip();
        staff.requireInspector(inspector, county);
        return inspector;
    }

    /** The county the alert was last raised in, from its own events; null for an alert not raised (refused later). */
    private CountyCode countyOf(String alertId) {
        String county = null;
        var events = eventStore.readEvents(alertId, 0);
        while (events.hasNext()) {
            if (events.next().getPayload() instanceof AlertRaised raised) {
                county = raised.subject().county();
            }
        }
        return county == null ? null : CountyCode.of(county);
    }
}
