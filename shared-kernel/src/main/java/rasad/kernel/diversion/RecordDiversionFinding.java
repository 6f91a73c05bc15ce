package rasad.kernel.diversion;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.referencedata.ReferenceCode;
import rasad.kernel.validation.InvalidValueException;
import rasad.kernel.verification.EvidenceReference;

/**
 * An inspector or auditor records that a facility's money may not have been used for its plan (انحراف
 * تسهیلات), with the evidence: what was found, when, and references (SHA-256 of stored photos or documents).
 */
public record RecordDiversionFinding(
        @TargetAggregateIdentifier String findingId,
        FacilityId facilityId,
        LocalDate observedOn,
        String finding,
        List<String> evidence) {

    public RecordDiversionFinding {
        findingId = ReferenceCode.checkCode(findingId, "finding");
        InvalidValueException.required(facilityId, "facility id");
        InvalidValueException.required(observedOn, "observation date");
        finding = InvalidValueException.requiredText(finding, "finding").strip();
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        evidence.forEach(reference -> EvidenceReference.check(reference, "evidence"));
    }
}
