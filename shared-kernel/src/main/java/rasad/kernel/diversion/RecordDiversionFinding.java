package rasad.kernel.diversion;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.referencedata.ReferenceCode;
import rasad.kernel.validation.InvalidValueException;

/**
 * An inspector or auditor records that a facility's money may not have been used for its plan (انحراف
 * تسهیلات), with the evidence: what was found, when, and references (SHA-256 of stored photos or documents).
 */
public record RecordDiversionFinding(@TargetAggregateIdentifier String findingId, FacilityId facilityId,
                                     LocalDate observedOn, String finding, List<String> evidence) {

    public RecordDiversionFinding {
        findingId = ReferenceCode.checkCode(findingId, "finding");
        InvalidValueException.required(facilityId, "facility id");
        InvalidValueException.required(observedOn, "observation date");
        finding = InvalidValueException.requiredText(finding, "finding").strip();
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        for (String reference : evidence) {
            if (reference == null || !reference.matches("[0-9a-f]{64}")) {
                throw new InvalidValueException("EVIDENCE_REFERENCE_FORMAT",
                        "evidence is referenced by its SHA-256, 64 lowercase hex digits");
            }
        }
    }
}
