package rasad.kernel.alerts;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import rasad.kernel.validation.InvalidValueException;

/** A note on the alert's record: what was learnt, asked or promised. */
public record AddAlertNote(@TargetAggregateIdentifier String alertId, String noteId, String note) {

    public AddAlertNote {
        AlertIds.check(alertId);
        InvalidValueException.requiredText(noteId, "note id");
        note = InvalidValueException.requiredText(note, "note").strip();
        if (note.length() > 4000) {
            throw new InvalidValueException("NOTE_TOO_LONG", "a note has at most 4,000 characters");
        }
    }
}
