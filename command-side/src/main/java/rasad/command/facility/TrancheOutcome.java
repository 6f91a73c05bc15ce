package rasad.command.facility;

import rasad.kernel.facility.FacilityId;
import rasad.kernel.money.Rials;
import rasad.kernel.validation.RuleViolation;

/** What a reported tranche came to: paid, or refused beyond the grant — and, refused, still kept as a fact. */
public sealed interface TrancheOutcome {

    /** The total paid so far, or the refusal as the rule the client is answered with. */
    Rials paidSoFarOrRefuse();

    /** Paid; the facility's total paid so far, this tranche included. */
    record Paid(Rials paidSoFar) implements TrancheOutcome {

        @Override
        public Rials paidSoFarOrRefuse() {
            return paidSoFar;
        }
    }

    /** Refused, and recorded as TrancheRefused: money reported beyond the grant is what rule R10 looks for. */
    record RefusedBeyondGrant(FacilityId facilityId, Rials asked, Rials paidSoFar, Rials granted)
            implements TrancheOutcome {

        @Override
        public Rials paidSoFarOrRefuse() {
            throw new RuleViolation(
                    "DISBURSEMENT_EXCEEDS_GRANT",
                    "paying " + asked + " would bring " + facilityId + " to " + paidSoFar.plus(asked) + ", above the "
                            + granted + " granted");
        }
    }
}
