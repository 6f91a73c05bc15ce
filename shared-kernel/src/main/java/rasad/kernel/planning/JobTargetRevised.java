package rasad.kernel.planning;

import org.axonframework.serialization.Revision;

/** A job target was revised, from what to what, and why. Revision 1. */
@Revision("1")
public record JobTargetRevised(JobTargetId id, int previousJobs, int jobs, String reason) {}
