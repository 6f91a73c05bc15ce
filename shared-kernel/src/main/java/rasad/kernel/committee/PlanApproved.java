package rasad.kernel.committee;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import rasad.kernel.facility.CommittedJobs;
import rasad.kernel.money.Rials;
import rasad.kernel.referencedata.CountyCode;
import rasad.kernel.referencedata.ProgrammeCode;

/** A plan was approved by the committee in a session. Revision 1. */
@Revision("1")
public record PlanApproved(
        String planId,
        String sessionId,
        LocalDate heldOn,
        String title,
        ProgrammeCode programme,
        CountyCode county,
        Rials amount,
        CommittedJobs committedJobs) {

    public static PlanApproved from(ApprovePlan command) {
        return new PlanApproved(
                command.planId(),
                command.sessionId(),
                command.heldOn(),
                command.title(),
                command.programme(),
                command.county(),
                command.amount(),
                command.committedJobs());
    }
}
