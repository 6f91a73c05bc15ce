package rasad.kernel.alerts;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import rasad.kernel.referencedata.ReferenceCode;
import rasad.kernel.validation.InvalidValueException;

/** A manager sends an inspector to the alert's facility, with a field visit due by a date. */
public record AssignAlert(
        @TargetAggregateIdentifier String alertId, String inspector, LocalDate visitDueOn, String note) {

    public AssignAlert {
        AlertIds.check(alertId);
        inspector = ReferenceCode.checkCode(inspector, "inspector");
        InvalidValueException.required(visitDueOn, "visit due date");
        note = note == null || note.isBlank() ? null : note.strip();
    }
}
