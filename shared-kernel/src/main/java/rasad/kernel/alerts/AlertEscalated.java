package rasad.kernel.alerts;

import org.axonframework.serialization.Revision;

/** The alert was passed up, to whom, and why. Revision 1. */
@Revision("1")
public record AlertEscalated(String alertId, int episode, String escalatedTo, String reason) {}
