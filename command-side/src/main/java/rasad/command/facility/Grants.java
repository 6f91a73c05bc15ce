package rasad.command.facility;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;
import rasad.command.audittrail.AttributedCommands;
import rasad.command.referencedata.RetiredCodes;
import rasad.edge.access.RasadUser;
import rasad.kernel.audit.Role;
import rasad.kernel.committee.FinancePlan;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.facility.GrantFacility;
import rasad.kernel.referencedata.ReferenceEntryId;
import rasad.kernel.referencedata.ReferenceKind;
import rasad.kernel.validation.NotResponsible;
import rasad.kernel.validation.RuleViolation;

/**
 * Granting a facility: who may, which codes it may name, and the approved plan it draws on, before the
 * facility itself is asked. Every check that can refuse runs before anything is sent.
 */
@Component
class Grants {

    private final AttributedCommands commands;
    private final GrantedFacilities granted;
    private final RetiredCodes retiredCodes;

    Grants(AttributedCommands commands, GrantedFacilities granted, RetiredCodes retiredCodes) {
        this.commands = commands;
        this.granted = granted;
        this.retiredCodes = retiredCodes;
    }

    FacilityId grant(GrantFacility command, RasadUser user) {
        refuseIfNotResponsible(command, user);
        if (granted.find(command.facilityId()).isEmpty()) {
            // a retry of a grant recorded before its code was retired still answers as the first time
            retiredCodes.refuse(codesNamed(command));
        }
        if (command.approvedPlan() != null) {
            financePlan(command);
        }
        return commands.send(command);
    }

    /** A bank officer grants for their own bank, an agency clerk for their own agency. */
    private static void refuseIfNotResponsible(GrantFacility command, RasadUser user) {
        if (user.role() == Role.BANK_OFFICER && !command.bank().value().equals(user.onBehalfOf())) {
            throw new NotResponsible(
                    "NOT_THE_FACILITYS_BANK",
                    "a facility of " + command.bank() + " is granted by that bank, not by " + user.onBehalfOf());
        }
        if (user.role() == Role.AGENCY_CLERK && !command.agency().value().equals(user.onBehalfOf())) {
            throw new NotResponsible(
                    "NOT_THE_FACILITYS_AGENCY",
                    "a facility introduced by " + command.agency() + " is recorded by that agency, not by "
                            + user.onBehalfOf());
        }
    }

    private static Map<String, ReferenceEntryId> codesNamed(GrantFacility command) {
        Map<String, ReferenceEntryId> codes = new LinkedHashMap<>();
        codes.put(
                "programme",
                new ReferenceEntryId(
                        ReferenceKind.PROGRAMME, command.programme().value()));
        codes.put(
                "bank", new ReferenceEntryId(ReferenceKind.BANK, command.bank().value()));
        codes.put(
                "agency",
                new ReferenceEntryId(ReferenceKind.AGENCY, command.agency().value()));
        codes.put(
                "county",
                new ReferenceEntryId(ReferenceKind.COUNTY, command.county().value()));
        if (command.branch() != null) {
            codes.put("branch", new ReferenceEntryId(ReferenceKind.BANK_BRANCH, command.branch()));
        }
        if (command.fundingSource() != null) {
            codes.put("fundingSource", new ReferenceEntryId(ReferenceKind.FUNDING_SOURCE, command.fundingSource()));
        }
        return codes;
    }

    /**
     * The approved plan is asked first: it admits one facility, within its amount. A crash between this and the
     * grant leaves the plan held for this facility id, and the client's retry of the same grant completes it.
     */
    private void financePlan(GrantFacility command) {
        try {
            commands.send(new FinancePlan(command.approvedPlan(), command.facilityId(), command.amount()));
        } catch (AggregateNotFoundException unknown) {
            throw new RuleViolation("PLAN_UNKNOWN", "no approved plan " + command.approvedPlan() + " is recorded");
        }
    }
}
