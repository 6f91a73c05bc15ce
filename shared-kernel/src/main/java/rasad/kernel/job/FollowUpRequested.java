package rasad.kernel.job;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.people.NationalId;

/** A job reached a sustainability horizon while still active: its agency is asked to follow it up by a date. Revision 1. */
@Revision("1")
public record FollowUpRequested(NationalId person, JobId jobId, FacilityId facilityId, String horizon, Instant dueBy) {}
