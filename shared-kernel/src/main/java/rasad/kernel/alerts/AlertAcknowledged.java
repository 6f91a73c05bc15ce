package rasad.kernel.alerts;

import org.axonframework.serialization.Revision;

/** A manager has seen the alert and takes it on. Revision 1. */
@Revision("1")
public record AlertAcknowledged(String alertId, int episode, String note) {}
