package rasad.kernel.verification;

import rasad.kernel.facility.FacilityId;
import rasad.kernel.job.JobId;
import rasad.kernel.validation.InvalidValueException;

/** The verification of one job a facility claims. */
public record JobVerificationId(FacilityId facilityId, JobId jobId) {

    public JobVerificationId {
        InvalidValueException.required(facilityId, "facility id");
        InvalidValueException.required(jobId, "job id");
    }

    @Override
    public String toString() {
        return facilityId + "/" + jobId;
    }
}
