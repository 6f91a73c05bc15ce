package rasad.command.verification;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import rasad.command.audittrail.AttributedCommands;
import rasad.command.evidence.EvidenceStore;
import rasad.command.facility.GrantedFacilities;
import rasad.command.staff.StaffRegister;
import rasad.edge.access.RasadUser;
import rasad.edge.problem.FieldErrors;
import rasad.kernel.audit.AuditMetaData;
import rasad.kernel.audit.Role;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.place.GeoPoint;
import rasad.kernel.referencedata.ReferenceCode;
import rasad.kernel.sampling.AssignFieldVisit;
import rasad.kernel.sampling.FieldVisitAssigned;
import rasad.kernel.validation.NotResponsible;
import rasad.kernel.validation.RuleViolation;
import rasad.kernel.verification.EvidenceReference;
import rasad.kernel.verification.RecordFieldVisit;

@RestController
class FieldVisitController {

    private final AttributedCommands commands;
    private final EvidenceStore evidence;
    private final EventStore eventStore;
    private final GrantedFacilities facilities;
    private final StaffRegister staff;

    FieldVisitController(
            AttributedCommands commands,
            EvidenceStore evidence,
            EventStore eventStore,
            GrantedFacilities facilities,
            StaffRegister staff) {
        this.commands = commands;
        this.evidence = evidence;
        this.eventStore = eventStore;
        this.facilities = facilities;
        this.staff = staff;
    }

    @PostMapping("/api/facilities/{facilityId}/field-visits")
    @PreAuthorize("hasAnyRole('INSPECTOR', 'ADMIN')")
    @Operation(
            summary = "Record a field visit (the inspector it is assigned to): GPS with accuracy, the device's time, "
                    + "photos by SHA-256, findings",
            description = "jobsSeen records every job the inspector looked for, seen (true) or not (false), whatever "
                    + "its SMS and phone checks said: a job counts as verified only when all three stages passed. "
                    + "Each photo must be stored first (409 EVIDENCE_UNKNOWN). The device time is kept as when it happened; "
                    + "Rasad's recording time beside it. Re-sending the same visit records nothing.")
    ResponseEntity<Void> record(@PathVariable String facilityId, @RequestBody VisitRequest request) {
        FieldErrors errors = new FieldErrors();
        FacilityId facility = errors.check("facilityId", () -> FacilityId.of(facilityId));
        Instant deviceTime =
                errors.check("deviceTime", () -> FieldErrors.required(request.deviceTime(), "device time"));
        GeoPoint location = errors.check(
                "location",
                () -> new GeoPoint(
                        FieldErrors.required(request.latitude(), "latitude"),
                        FieldErrors.required(request.longitude(), "longitude")));
        errors.check("visitId", () -> ReferenceCode.checkCode(request.visitId(), "visit"));
        List<String> photos = request.photos() == null ? List.of() : request.photos();
        for (int i = 0; i < photos.size(); i++) {
            String photo = photos.get(i);
            errors.check("photos[" + i + "]", () -> EvidenceReference.check(photo, "a photo"));
        }
        errors.throwIfAny();
        RecordFieldVisit command = errors.check(
                "accuracyMetres",
                () -> new RecordFieldVisit(
                        request.visitId(),
                        facility,
                        deviceTime,
                        location,
                        request.accuracyMetres() == null ? 0 : request.accuracyMetres(),
                        Boolean.TRUE.equals(request.businessOperating()),
                        request.jobsSeen(),
                        Boolean.TRUE.equals(request.moneyUsedAsPlanned()),
                        request.photos(),
                        request.notes()));
        errors.throwIfAny();
        GrantedFacilities.Facts facts = facilities.require(facility, "facilityId");
        RasadUser user = RasadUser.current();
        // A visit already recorded is answered by its aggregate (the same again records nothing), so that a phone
        // replaying its outbox after a reassignment gets the first answer again.
        if (user.role() == Role.INSPECTOR && !recorded(command.visitId())) {
            if (!assignedTo(facility, user.getUsername())) {
                throw new NotResponsible(
                        "VISIT_NOT_ASSIGNED",
                        "no field visit of facility " + facility + " is assigned to " + user.getUsername());
            }
            if (staff.find(user.getUsername())
                    .filter(member -> member.inspects(facts.grant().county()))
                    .isEmpty()) {
                throw new NotResponsible(
                        "NOT_ON_STAFF_REGISTER",
                        user.getUsername() + " is not an inspector of county "
                                + facts.grant().county() + " on the staff register");
            }
        }
        for (String photo : command.photos()) {
            if (!evidence.exists(photo)) {
                throw new RuleViolation(
                        "EVIDENCE_UNKNOWN", "photo " + photo + " is not in the evidence store", Map.of("photo", photo));
            }
        }
        commands.send(command, Map.of(AuditMetaData.OCCURRED_AT, deviceTime.toString()));
        return ResponseEntity.status(201).build();
    }

    private boolean recorded(String visitId) {
        return eventStore.readEvents(visitId, 0).hasNext();
    }

    /** Whether the visit is this inspector's now: a reassigned visit belongs to the last one it was given to. */
    private boolean assignedTo(FacilityId facility, String inspector) {
        String last = null;
        var events = eventStore.readEvents(AssignFieldVisit.inspectionOf(facility));
        while (events.hasNext()) {
            if (events.next().getPayload() instanceof FieldVisitAssigned assigned) {
                last = assigned.inspector();
            }
        }
        return inspector.equals(last);
    }

    record VisitRequest(
            String visitId,
            Instant deviceTime,
            Double latitude,
            Double longitude,
            Double accuracyMetres,
            Boolean businessOperating,
            Map<String, Boolean> jobsSeen,
            Boolean moneyUsedAsPlanned,
            List<String> photos,
            String notes) {}
}
