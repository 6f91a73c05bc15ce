package rasad.kernel.facility;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import rasad.kernel.validation.InvalidValueException;

/** A facility is closed: repaid, recalled or written off. A recall or a write-off always says why. */
public record CloseFacility(
        @TargetAggregateIdentifier FacilityId facilityId, ClosureKind kind, LocalDate closedOn, String reason) {

    public CloseFacility {
        InvalidValueException.required(facilityId, "facility id");
        InvalidValueException.required(kind, "closure kind");
        InvalidValueException.required(closedOn, "closing date");
        reason = reason == null || reason.isBlank() ? null : reason.strip();
        if (kind != ClosureKind.REPAID && reason == null) {
            throw new InvalidValueException("REASON_REQUIRED", "a recall or a write-off needs a reason");
        }
    }
}
