package rasad.kernel.planning;

import org.axonframework.serialization.Revision;
import rasad.kernel.money.Rials;

/** A quota was revised, from what to what, and why. Revision 1. */
@Revision("1")
public record QuotaRevised(QuotaId id, Rials previousAmount, Rials amount, String reason) {}
