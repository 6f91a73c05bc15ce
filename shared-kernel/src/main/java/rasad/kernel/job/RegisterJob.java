package rasad.kernel.job;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.people.NationalId;
import rasad.kernel.validation.InvalidValueException;

/**
 * A job a facility claims: one person employed because of it. Addressed to the person (their national id),
 * because a person is counted once, whatever the facility.
 *
 * @param seasonalMonths months a year the job runs; 0 for year-round work
 */
public record RegisterJob(
        @TargetAggregateIdentifier NationalId person,
        JobId jobId,
        FacilityId facilityId,
        String occupation,
        LocalDate startedOn,
        boolean fullTime,
        int seasonalMonths,
        String insuranceNumber) {

    public RegisterJob {
        InvalidValueException.required(person, "national id");
        InvalidValueException.required(jobId, "job id");
        InvalidValueException.required(facilityId, "facility id");
        occupation =
                InvalidValueException.requiredText(occupation, "occupation").strip();
        InvalidValueException.required(startedOn, "start date");
        if (seasonalMonths < 0 || seasonalMonths > 11) {
            throw new InvalidValueException(
                    "SEASONAL_MONTHS_OUT_OF_RANGE", "seasonal work runs 1 to 11 months a year; 0 means year-round");
        }
        insuranceNumber = insuranceNumber == null || insuranceNumber.isBlank() ? null : insuranceNumber.strip();
    }
}
