package rasad.query.audit;

import java.time.Instant;

/**
 * One event of a case's history as an auditor reads it: where it sits in the store, both of its times, who
 * recorded it, acting for whom and why, what it says (the payload exactly as stored, JSON) and its fingerprint.
 * An event that cannot be read shows what could be read of it (the rest null) and why not.
 *
 * @param position     global position in the event store, by where it is stored: the order of history
 * @param type         the event's simple name, e.g. {@code TrancheDisbursed}
 * @param revision     the payload's revision as stored (before any upcasting); null for the first
 * @param sequence     its place in its aggregate; null when not readable as a number
 * @param occurredAt   business time: when it happened (an inspector's device time for a visit captured offline)
 * @param recordedAt   recorded time: when Rasad stored it
 * @param importedFrom the earlier system a record was imported from, if any
 * @param hash         SHA-256 over the event and {@code previousHash}, the hash of its aggregate's previous event
 * @param integrity    what this event alone shows: intact, altered, moved, forged in, or unreadable
 * @param unreadable   why it cannot be read as an event; null when it can
 */
public record CaseEvent(
        long position,
        String eventId,
        String type,
        String revision,
        String aggregateType,
        String aggregateId,
        Long sequence,
        Instant occurredAt,
        Instant recordedAt,
        String actor,
        String actorRole,
        String onBehalfOf,
        String reason,
        String requestId,
        String importedFrom,
        String payload,
        String hash,
        String previousHash,
        ItemIntegrity integrity,
        String unreadable) {

    CaseEvent withIntegrity(ItemIntegrity changed) {
        return new CaseEvent(
                position,
                eventId,
                type,
                revision,
                aggregateType,
                aggregateId,
                sequence,
                occurredAt,
                recordedAt,
                actor,
                actorRole,
                onBehalfOf,
                reason,
                requestId,
                importedFrom,
                payload,
                hash,
                previousHash,
                changed,
                unreadable);
    }
}
