package rasad.command.sampling;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import rasad.command.audittrail.AttributedCommands;
import rasad.command.facility.GrantedFacilities;
import rasad.command.staff.StaffRegister;
import rasad.edge.problem.FieldErrors;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.referencedata.CountyCode;
import rasad.kernel.referencedata.ReferenceCode;
import rasad.kernel.sampling.AssignFieldVisit;
import rasad.kernel.sampling.DrawSample;
import rasad.kernel.sampling.SampleDrawn;
import rasad.kernel.sampling.SamplingFrameEntry;
import rasad.kernel.validation.InvalidValueException;

@RestController
class SampleController {

    private final AttributedCommands commands;

    private final GrantedFacilities facilities;
    private final StaffRegister staff;

    SampleController(AttributedCommands commands, GrantedFacilities facilities, StaffRegister staff) {
        this.commands = commands;
        this.facilities = facilities;
        this.staff = staff;
    }

    @PostMapping("/api/samples")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @Operation(
            summary = "Draw plans for field visits by the documented rule, and assign them to inspectors (manager)",
            description = "Reproducible: the same seed and frame draw the same plans (SampleDrawn keeps both).")
    ResponseEntity<List<SampleDrawn.Assignment>> draw(@RequestBody SampleRequest request) {
        FieldErrors errors = new FieldErrors();
        List<SamplingFrameEntry> frame = new ArrayList<>();
        List<FrameRequest> entries = request.frame() == null ? List.of() : request.frame();
        for (int i = 0; i < entries.size(); i++) {
            FrameRequest entry = entries.get(i);
            SamplingFrameEntry checked = errors.check(
                    "frame[" + i + "]",
                    () -> new SamplingFrameEntry(
                            FacilityId.of(entry.facilityId()),
                            entry.county(),
                            entry.programme(),
                            entry.riskWeight() == null ? 1.0 : entry.riskWeight()));
            if (checked != null) {
                frame.add(checked);
                errors.check("frame[" + i + "].county", () -> granted(checked));
            }
        }
        errors.check("sampleId", () -> ReferenceCode.checkCode(request.sampleId(), "sample"));
        List<String> sentTo = request.inspectors() == null ? List.of() : request.inspectors();
        Map<String, String> inspectorCounties = new HashMap<>();
        List<StaffRegister.Member> members = new ArrayList<>();
        for (int i = 0; i < sentTo.size(); i++) {
            String inspector = sentTo.get(i);
            StaffRegister.Member member =
                    errors.check("inspectors[" + i + "]", () -> staff.requireInspector(inspector, null));
            if (member != null) {
                members.add(member);
                if (member.scope().county() != null) {
                    inspectorCounties.put(inspector, member.scope().county().value());
                }
            }
        }
        if (!members.isEmpty()) {
            frame.stream()
                    .map(SamplingFrameEntry::county)
                    .distinct()
                    .forEach(county -> errors.check("inspectors", () -> covered(CountyCode.of(county), members)));
        }
        LocalDate dueOn = errors.check("dueOn", () -> FieldErrors.required(request.dueOn(), "due date"));
        errors.throwIfAny();
        DrawSample command = errors.check(
                "sample",
                () -> new DrawSample(
                        request.sampleId(),
                        FieldErrors.required(request.seed(), "seed"),
                        frame,
                        request.sizes(),
                        request.defaultSize() == null ? 0 : request.defaultSize(),
                        request.inspectors(),
                        dueOn,
                        inspectorCounties));
        errors.throwIfAny();
        List<SampleDrawn.Assignment> assignments = commands.send(command);
        // each drawn plan learns who may visit it; a retried draw re-sends them, and they record nothing twice
        for (SampleDrawn.Assignment assignment : assignments) {
            FacilityId facility = FacilityId.of(assignment.facilityId());
            commands.send(new AssignFieldVisit(
                    AssignFieldVisit.inspectionOf(facility),
                    facility,
                    command.sampleId(),
                    assignment.inspector(),
                    assignment.dueOn()));
        }
        return ResponseEntity.status(201).body(assignments);
    }

    /** A plan of the frame is a granted facility, in the county it was granted in (its stratum is that county). */
    private FacilityId granted(SamplingFrameEntry entry) {
        FacilityId facility = entry.facilityId();
        GrantedFacilities.Facts facts = facilities
                .find(facility)
                .orElseThrow(() ->
                        new InvalidValueException("FACILITY_UNKNOWN", "no facility " + facility + " has been granted"));
        if (!facts.grant().county().value().equals(entry.county())) {
            throw new InvalidValueException(
                    "FRAME_COUNTY_MISMATCH",
                    "facility " + facility + " was granted in " + facts.grant().county() + ", not in "
                            + entry.county());
        }
        return facility;
    }

    /** Every county of the frame has an inspector of the sample who covers it, or its plans could go to nobody. */
    private static CountyCode covered(CountyCode county, List<StaffRegister.Member> members) {
        if (members.stream().noneMatch(member -> member.scope().covers(county))) {
            throw new InvalidValueException(
                    "INSPECTOR_OUT_OF_SCOPE", "no inspector of the sample inspects in county " + county);
        }
        return county;
    }

    record FrameRequest(String facilityId, String county, String programme, Double riskWeight) {}

    record SampleRequest(
            String sampleId,
            Long seed,
            List<FrameRequest> frame,
            Map<String, Integer> sizes,
            Integer defaultSize,
            List<String> inspectors,
            LocalDate dueOn) {}
}
