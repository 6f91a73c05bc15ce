package rasad.kernel.referencedata;

import org.axonframework.serialization.Revision;

/** A reference entry was retired, and why. Revision 1. */
@Revision("1")
public record ReferenceEntryRetired(ReferenceEntryId id, String reason) {}
