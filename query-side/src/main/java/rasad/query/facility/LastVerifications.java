package rasad.query.facility;

import java.util.Optional;

/** The last verification of each case, kept by the audit capability; read by the live case view. */
public interface LastVerifications {

    /** Empty when neither the case nor the whole store was ever verified. */
    Optional<LastVerification> of(String facilityId);
}
