package rasad.kernel.facility;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import rasad.kernel.money.Rials;

/**
 * A bank reported a payment that would take the facility beyond its grant: refused, and kept as evidence
 * (rule R10), since money reported paid does not go away by being refused. Revision 1.
 */
@Revision("1")
public record TrancheRefused(
        FacilityId facilityId, TrancheId trancheId, Rials amount, LocalDate paidOn, Rials paidSoFar, Rials granted) {}
