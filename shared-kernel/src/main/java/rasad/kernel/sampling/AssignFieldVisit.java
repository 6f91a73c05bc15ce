package rasad.kernel.sampling;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.validation.InvalidValueException;

/** A drawn plan's field visit is assigned to an inspector, due by a date. Addressed to "inspection/{facilityId}". */
public record AssignFieldVisit(
        @TargetAggregateIdentifier String inspectionId,
        FacilityId facilityId,
        String sampleId,
        String inspector,
        LocalDate dueOn) {

    public AssignFieldVisit {
        InvalidValueException.requiredText(inspectionId, "inspection");
        InvalidValueException.required(facilityId, "facility id");
        InvalidValueException.requiredText(sampleId, "sample");
        InvalidValueException.requiredText(inspector, "inspector");
        InvalidValueException.required(dueOn, "due date");
    }

    public static String inspectionOf(FacilityId facilityId) {
        return "inspection/" + facilityId.value();
    }
}
