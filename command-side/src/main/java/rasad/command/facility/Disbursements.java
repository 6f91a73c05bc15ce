package rasad.command.facility;

import org.springframework.stereotype.Component;
import rasad.command.audittrail.AttributedCommands;
import rasad.kernel.facility.DisburseTranche;

/**
 * A tranche as a bank reports it: paid into the facility, then counted against the bank's quota. A tranche
 * beyond the grant is refused (and kept, for rule R10) and counts against no quota.
 */
@Component
class Disbursements {

    /** The facility's total paid so far, and whether this tranche took the bank past its quota. */
    record Disbursed(long paidSoFarRials, boolean beyondQuota) {}

    private final AttributedCommands commands;
    private final QuotaAccounting quotas;

    Disbursements(AttributedCommands commands, QuotaAccounting quotas) {
        this.commands = commands;
        this.quotas = quotas;
    }

    Disbursed disburse(DisburseTranche command) {
        TrancheOutcome outcome = commands.send(command);
        long paidSoFar = outcome.paidSoFarOrRefuse().amount();
        boolean beyondQuota =
                quotas.countAgainstQuota(command.facilityId(), command.trancheId(), command.amount(), command.paidOn());
        return new Disbursed(paidSoFar, beyondQuota);
    }
}
