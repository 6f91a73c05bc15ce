package rasad.kernel.planning;

import org.axonframework.serialization.Revision;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.facility.TrancheId;
import rasad.kernel.money.Rials;

/**
 * A tranche counted against a quota. {@code beyondQuota} flags a payment that takes the bank past its quota
 * (or is paid under no quota at all): it is recorded, not refused — money already paid is a fact — and
 * managers see the flag. Revision 1.
 */
@Revision("1")
public record QuotaConsumed(
        QuotaId id,
        FacilityId facilityId,
        TrancheId trancheId,
        Rials amount,
        Rials consumed,
        Rials quota,
        boolean beyondQuota) {}
