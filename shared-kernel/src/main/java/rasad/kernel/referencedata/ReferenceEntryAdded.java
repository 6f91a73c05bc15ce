package rasad.kernel.referencedata;

import org.axonframework.serialization.Revision;
import rasad.kernel.calendar.FiscalYear;

/** A reference entry now exists and may be used. Revision 1. */
@Revision("1")
public record ReferenceEntryAdded(ReferenceEntryId id, LocalizedName name, BankCode parent, FiscalYear fiscalYear) {

    public static ReferenceEntryAdded from(AddReferenceEntry command) {
        return new ReferenceEntryAdded(command.id(), command.name(), command.parent(), command.fiscalYear());
    }
}
