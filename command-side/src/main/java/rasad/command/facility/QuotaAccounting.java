package rasad.command.facility;

import java.time.LocalDate;
import org.springframework.stereotype.Component;
import rasad.command.audittrail.AttributedCommands;
import rasad.kernel.calendar.FiscalYear;
import rasad.kernel.facility.FacilityGranted;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.facility.TrancheId;
import rasad.kernel.money.Rials;
import rasad.kernel.planning.ConsumeQuota;
import rasad.kernel.planning.QuotaId;

/**
 * Counts each paid tranche against its bank's quota for the facility's programme and funding source in the
 * fiscal year of payment. A facility granted without a funding source (cases recorded before it was asked)
 * cannot be attributed to a quota and is not counted.
 */
@Component
class QuotaAccounting {

    private final AttributedCommands commands;
    private final GrantedFacilities facilities;

    QuotaAccounting(AttributedCommands commands, GrantedFacilities facilities) {
        this.commands = commands;
        this.facilities = facilities;
    }

    boolean countAgainstQuota(FacilityId facilityId, TrancheId trancheId, Rials amount, LocalDate paidOn) {
        FacilityGranted grant =
                facilities.find(facilityId).map(GrantedFacilities.Facts::grant).orElse(null);
        if (grant == null || grant.fundingSource() == null) {
            return false;
        }
        QuotaId quota = new QuotaId(
                FiscalYear.containing(paidOn),
                QuotaId.HolderKind.BANK,
                grant.bank().value(),
                grant.programme(),
                grant.fundingSource());
        Boolean beyond = commands.send(new ConsumeQuota(quota, facilityId, trancheId, amount));
        return Boolean.TRUE.equals(beyond);
    }
}
