package rasad.kernel.alerts;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A manager sent an inspector to look, with a field visit due by {@code visitDueOn}. Revision 1. */
@Revision("1")
public record AlertAssigned(
        String alertId, int episode, String facilityId, String inspector, LocalDate visitDueOn, String note) {}
