package rasad.query.audit;

import java.time.Instant;

/**
 * One event of a case's history as an auditor reads it: where it sits in the store, both of its times, who
 * recorded it, acting for whom and why, what it says (the payload exactly as stored, JSON) and its fingerprint.
 *
 * @param position     global position in the event store: the order of history
 * @param type         the event's simple name, e.g. {@code TrancheDisbursed}
 * @param revision     the payload's revision as stored (before any upcasting); null for the first
 * @param occurredAt   business time: when it happened (an inspector's device time for a visit captured offline)
 * @param recordedAt   recorded time: when Rasad stored it
 * @param importedFrom the earlier system a record was imported from, if any
 * @param hash         SHA-256 over the event and {@code previousHash}, the hash of its aggregate's previous event
 */
public record CaseEvent(long position, String eventId, String type, String revision, String aggregateType,
                        String aggregateId, long sequence, Instant occurredAt, Instant recordedAt, String actor,
                        String actorRole, String onBehalfOf, String reason, String requestId, String importedFrom,
                        String payload, String hash, String previousHash) {
}
