package rasad.kernel.planning;

import org.axonframework.serialization.Revision;

/** A scope's job target for a fiscal year was first set. Revision 1. */
@Revision("1")
public record JobTargetSet(JobTargetId id, int jobs, String reason) {}
