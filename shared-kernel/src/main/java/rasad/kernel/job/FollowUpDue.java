package rasad.kernel.job;

/** The payload of a follow-up deadline: which job, at which horizon (e.g. "P182D"). */
public record FollowUpDue(JobId jobId, String horizon) {}
