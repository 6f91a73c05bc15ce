package rasad.query.audit;

import java.time.Instant;
import java.util.List;
import rasad.query.facility.FacilityView;

/**
 * One case exported for an auditor's file: its state now, every event of its history in order with their
 * hashes, and the verification of that history at the moment of export.
 */
public record CaseDossier(String facilityId, Instant generatedAt, String generatedBy, FacilityView state,
                          List<CaseEvent> events, CaseVerification verification) {
}
