package rasad.kernel.alerts;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A manager takes the alert on; the note is optional. */
public record AcknowledgeAlert(@TargetAggregateIdentifier String alertId, String note) {

    public AcknowledgeAlert {
        AlertIds.check(alertId);
        note = note == null || note.isBlank() ? null : note.strip();
    }
}
