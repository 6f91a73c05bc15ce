package rasad.kernel.facility;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import rasad.kernel.money.Rials;

/** A tranche was paid; {@code paidSoFar} includes it. Revision 1. */
@Revision("1")
public record TrancheDisbursed(
        FacilityId facilityId, TrancheId trancheId, Rials amount, LocalDate paidOn, Rials paidSoFar) {}
