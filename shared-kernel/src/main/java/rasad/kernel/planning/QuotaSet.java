package rasad.kernel.planning;

import org.axonframework.serialization.Revision;
import rasad.kernel.money.Rials;

/** A quota was first allocated. Revision 1. */
@Revision("1")
public record QuotaSet(QuotaId id, Rials amount, String reason) {}
