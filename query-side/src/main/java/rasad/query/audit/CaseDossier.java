package rasad.query.audit;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import rasad.eventstore.integrity.BrokenLink;
import rasad.query.facility.FacilityView;

/**
 * One case exported for an auditor's file: its state now, every event of its history in order with their
 * hashes and integrity, the positions whose indexed event is no longer there, and the verification of that
 * history at the moment of export.
 */
public record CaseDossier(
        String facilityId,
        Instant generatedAt,
        String generatedBy,
        FacilityView state,
        List<CaseEvent> events,
        List<Long> missingPositions,
        CaseVerification verification) {

    /**
     * The events with what the verification found forged at their position marked: an event alone cannot tell
     * that another commit covers its place; the verification, which reads the case's streams, can.
     */
    static List<CaseEvent> marked(List<CaseEvent> events, CaseVerification verification) {
        Set<Long> forged = verification.findings().stream()
                .filter(link -> link.kind() == BrokenLink.Kind.FORGED)
                .map(BrokenLink::position)
                .collect(Collectors.toSet());
        return events.stream()
                .map(event -> forged.contains(event.position()) && event.integrity() == ItemIntegrity.OK
                        ? event.withIntegrity(ItemIntegrity.FORGED)
                        : event)
                .toList();
    }
}
