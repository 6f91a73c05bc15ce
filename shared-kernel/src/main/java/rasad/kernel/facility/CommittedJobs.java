package rasad.kernel.facility;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import rasad.kernel.validation.InvalidValueException;

/**
 * The number of jobs a facility commits to create. An employment loan that commits to no job is not an
 * employment loan: at least one.
 */
public record CommittedJobs(int count) {

    public CommittedJobs {
        if (count < 1) {
            throw new InvalidValueException("COMMITTED_JOBS_BELOW_ONE", "a facility commits to at least one job");
        }
    }

    @JsonCreator
    public static CommittedJobs of(int count) {
        return new CommittedJobs(count);
    }

    @JsonValue
    @Override
    public int count() {
        return count;
    }
}
