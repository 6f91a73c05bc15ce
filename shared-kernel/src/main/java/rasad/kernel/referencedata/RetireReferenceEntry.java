package rasad.kernel.referencedata;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import rasad.kernel.validation.InvalidValueException;

/** An administrator retires an entry: it stays in history, but is no longer offered for new cases. */
public record RetireReferenceEntry(
        @TargetAggregateIdentifier ReferenceEntryId id, String reason) {

    public RetireReferenceEntry {
        InvalidValueException.required(id, "reference entry");
        reason = InvalidValueException.requiredText(reason, "reason").strip();
    }
}
