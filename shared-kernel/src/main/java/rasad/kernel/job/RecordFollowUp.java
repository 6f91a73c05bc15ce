package rasad.kernel.job;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import rasad.kernel.people.NationalId;
import rasad.kernel.validation.InvalidValueException;

/** The agency records a follow-up's outcome at a horizon; an ended job says when. */
public record RecordFollowUp(
        @TargetAggregateIdentifier NationalId person,
        JobId jobId,
        String horizon,
        FollowUpOutcome outcome,
        LocalDate endedOn) {

    public RecordFollowUp {
        InvalidValueException.required(person, "national id");
        InvalidValueException.required(jobId, "job id");
        InvalidValueException.requiredText(horizon, "horizon");
        InvalidValueException.required(outcome, "outcome");
        if (outcome == FollowUpOutcome.ENDED && endedOn == null) {
            throw new InvalidValueException("END_DATE_REQUIRED", "an ended job says when it ended");
        }
    }
}
