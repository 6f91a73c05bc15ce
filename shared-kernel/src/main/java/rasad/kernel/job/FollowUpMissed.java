package rasad.kernel.job;

import org.axonframework.serialization.Revision;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.people.NationalId;

/** Nobody followed the job up by the due date: itself a fact managers and auditors see. Revision 1. */
@Revision("1")
public record FollowUpMissed(NationalId person, JobId jobId, FacilityId facilityId, String horizon) {}
