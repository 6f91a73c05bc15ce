package rasad.kernel.alerts;

import org.axonframework.serialization.Revision;

/** A note added to the alert's record. Revision 1. */
@Revision("1")
public record AlertNoted(String alertId, int episode, String noteId, String note) {}
