package rasad.kernel.committee;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import rasad.kernel.facility.CommittedJobs;
import rasad.kernel.money.Rials;
import rasad.kernel.referencedata.CountyCode;
import rasad.kernel.referencedata.ProgrammeCode;
import rasad.kernel.referencedata.ReferenceCode;
import rasad.kernel.validation.InvalidValueException;

/**
 * The province's employment committee approves a plan in a session (e.g. one of the 173 rural
 * sustainable-employment plans worth 280 bn tomans), with the amount and jobs a facility may finance.
 */
public record ApprovePlan(
        @TargetAggregateIdentifier String planId,
        String sessionId,
        LocalDate heldOn,
        String title,
        ProgrammeCode programme,
        CountyCode county,
        Rials amount,
        CommittedJobs committedJobs) {

    public ApprovePlan {
        planId = ReferenceCode.checkCode(planId, "plan");
        sessionId = ReferenceCode.checkCode(sessionId, "committee session");
        InvalidValueException.required(heldOn, "session date");
        title = InvalidValueException.requiredText(title, "plan title").strip();
        InvalidValueException.required(programme, "programme");
        InvalidValueException.required(county, "county");
        InvalidValueException.required(amount, "amount");
        InvalidValueException.required(committedJobs, "committed jobs");
        if (!amount.isPositive()) {
            throw new InvalidValueException("AMOUNT_NOT_POSITIVE", "an approved plan is more than zero rials");
        }
    }
}
