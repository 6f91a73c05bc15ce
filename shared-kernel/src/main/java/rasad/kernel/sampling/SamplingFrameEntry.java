package rasad.kernel.sampling;

import rasad.kernel.facility.FacilityId;
import rasad.kernel.validation.InvalidValueException;

/**
 * One plan that may be drawn for a field visit: its facility, its stratum (county and programme) and a risk
 * weight (1 = ordinary; higher draws it more often).
 */
public record SamplingFrameEntry(FacilityId facilityId, String county, String programme, double riskWeight) {

    public SamplingFrameEntry {
        InvalidValueException.required(facilityId, "facility id");
        county = InvalidValueException.requiredText(county, "county");
        programme = InvalidValueException.requiredText(programme, "programme");
        if (!(riskWeight > 0) || Double.isInfinite(riskWeight)) {
            throw new InvalidValueException("RISK_WEIGHT_NOT_POSITIVE", "a risk weight is a positive number");
        }
    }

    public String stratum() {
        return county + "/" + programme;
    }
}
