package rasad.kernel.job;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import rasad.kernel.people.NationalId;
import rasad.kernel.validation.InvalidValueException;

/** A job ended: the person no longer works in it. Their national id may then be counted again. */
public record EndJob(@TargetAggregateIdentifier NationalId person, JobId jobId, LocalDate endedOn, String reason) {

    public EndJob {
        InvalidValueException.required(person, "national id");
        InvalidValueException.required(jobId, "job id");
        InvalidValueException.required(endedOn, "end date");
        reason = reason == null || reason.isBlank() ? null : reason.strip();
    }
}
