package rasad.command.job;

import java.util.Map;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.job.JobId;
import rasad.kernel.people.NationalId;
import rasad.kernel.validation.RuleViolation;

/** What a job registration came to: the job counted, or refused because the person already holds one. */
public sealed interface JobClaim {

    /** The job counted, or the refusal as the rule the client is answered with. */
    JobId countedOrRefuse();

    record Counted(JobId jobId) implements JobClaim {

        @Override
        public JobId countedOrRefuse() {
            return jobId;
        }
    }

    /** Refused, and recorded as JobClaimRefused: a second claim on one person is what rule R6 looks for. */
    record RefusedAlreadyCounted(NationalId person, FacilityId holdingFacility, JobId heldJob) implements JobClaim {

        @Override
        public JobId countedOrRefuse() {
            throw new RuleViolation(
                    "JOB_ALREADY_COUNTED",
                    "national id " + person + " already holds an active job under facility " + holdingFacility,
                    Map.of("facilityId", holdingFacility.value(), "jobId", heldJob.value()));
        }
    }
}
