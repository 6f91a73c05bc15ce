package rasad.kernel.job;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.people.NationalId;

/** A job's description was corrected, and why; the registration it corrects stays in history. Revision 1. */
@Revision("1")
public record JobCorrected(
        NationalId person,
        JobId jobId,
        FacilityId facilityId,
        String occupation,
        LocalDate startedOn,
        boolean fullTime,
        int seasonalMonths,
        String reason) {}
