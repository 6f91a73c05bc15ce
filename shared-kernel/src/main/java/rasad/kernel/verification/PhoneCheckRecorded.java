package rasad.kernel.verification;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A stage-2 outcome. Revision 1. */
@Revision("1")
public record PhoneCheckRecorded(
        JobVerificationId id, PhoneOutcome outcome, Instant at, String caller, String notes, String reason) {}
