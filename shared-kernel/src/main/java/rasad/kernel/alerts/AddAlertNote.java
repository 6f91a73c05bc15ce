package rasad.kernel.alerts;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import rasad.kernel.text.TypedText;
import rasad.kernel.validation.InvalidValueException;

/** A note on the alert's record: what was learnt, asked or promised. */
public record AddAlertNote(@TargetAggregateIdentifier String alertId, String noteId, String note) {

    /** As every client-chosen id: it may be echoed in paths and file names, so never a '/' or a '..' start. */
    private static final String NOTE_ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";

    public AddAlertNote {
        AlertIds.check(alertId);
        noteId = noteId(noteId);
        note = InvalidValueException.requiredText(note, "note").strip();
        if (note.length() > 4000) {
            throw new InvalidValueException("NOTE_TOO_LONG", "a note has at most 4,000 characters");
        }
    }

    /** Refused with {@code REQUIRED} or {@code NOTE_ID_FORMAT}. */
    public static String noteId(String typed) {
        String noteId = TypedText.id(InvalidValueException.requiredText(typed, "note id"));
        if (!noteId.matches(NOTE_ID)) {
            throw new InvalidValueException(
                    "NOTE_ID_FORMAT",
                    "a note id is 1 to 64 letters, digits, '.', ':', '-' or '_', starting with a letter or digit");
        }
        return noteId;
    }
}
