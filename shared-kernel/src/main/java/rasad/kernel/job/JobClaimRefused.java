package rasad.kernel.job;

import org.axonframework.serialization.Revision;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.people.NationalId;

/**
 * A facility claimed a person's job while the person already held an active job under another facility; the
 * claim was refused (one person, one counted job), and the attempt is kept because it is evidence (rule R6).
 * Revision 1.
 */
@Revision("1")
public record JobClaimRefused(
        NationalId person, JobId jobId, FacilityId facilityId, FacilityId heldBy, JobId heldByJob) {}
