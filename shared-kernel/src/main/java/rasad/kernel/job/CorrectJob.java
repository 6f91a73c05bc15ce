package rasad.kernel.job;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import rasad.kernel.people.NationalId;
import rasad.kernel.validation.InvalidValueException;

/** A registered job was described wrongly: the correction restates it, with a reason. History keeps both. */
public record CorrectJob(
        @TargetAggregateIdentifier NationalId person,
        JobId jobId,
        String occupation,
        LocalDate startedOn,
        boolean fullTime,
        int seasonalMonths,
        String reason) {

    public CorrectJob {
        InvalidValueException.required(person, "national id");
        InvalidValueException.required(jobId, "job id");
        occupation =
                InvalidValueException.requiredText(occupation, "occupation").strip();
        InvalidValueException.required(startedOn, "start date");
        if (seasonalMonths < 0 || seasonalMonths > 11) {
            throw new InvalidValueException(
                    "SEASONAL_MONTHS_OUT_OF_RANGE", "seasonal work runs 1 to 11 months a year; 0 means year-round");
        }
        reason = InvalidValueException.requiredText(reason, "reason").strip();
    }
}
