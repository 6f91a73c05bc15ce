package rasad.command.job;

import org.springframework.stereotype.Component;
import rasad.command.audittrail.AttributedCommands;
import rasad.command.facility.GrantedFacilities;
import rasad.edge.access.RasadUser;
import rasad.kernel.audit.Role;
import rasad.kernel.job.JobId;
import rasad.kernel.job.RegisterJob;
import rasad.kernel.validation.NotResponsible;
import rasad.kernel.validation.RuleViolation;

/**
 * Registering a job claims it for a facility: the facility must be granted and open, and answer to the clerk's
 * agency; then the person's employment decides whether the job is counted.
 */
@Component
class JobRegistrations {

    private final AttributedCommands commands;
    private final GrantedFacilities facilities;

    JobRegistrations(AttributedCommands commands, GrantedFacilities facilities) {
        this.commands = commands;
        this.facilities = facilities;
    }

    JobId register(RegisterJob command, RasadUser user) {
        GrantedFacilities.Facts facts = facilities.require(command.facilityId(), "facilityId");
        String agency = facts.grant().agency().value();
        if (user.role() == Role.AGENCY_CLERK && !agency.equals(user.onBehalfOf())) {
            throw new NotResponsible(
                    "NOT_THE_FACILITYS_AGENCY",
                    "facility " + command.facilityId() + " answers to " + agency + ", not to " + user.onBehalfOf());
        }
        if (facts.closed()) {
            throw new RuleViolation("FACILITY_CLOSED", "facility " + command.facilityId() + " is closed");
        }
        // another instance registering a job for this person at the same moment makes this one decide again
        JobClaim claim = commands.send(command);
        return claim.countedOrRefuse();
    }
}
