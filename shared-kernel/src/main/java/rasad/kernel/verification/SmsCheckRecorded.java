package rasad.kernel.verification;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A stage-1 outcome. Revision 1. */
@Revision("1")
public record SmsCheckRecorded(JobVerificationId id, SmsOutcome outcome, Instant at, String reason) {}
