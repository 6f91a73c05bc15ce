package rasad.query.facility;

import java.time.Instant;
import java.time.LocalDate;

/** A facility case as the query side shows it. Grows with each capability (tranches, jobs, stages…). */
public record FacilityView(
        String facilityId,
        Beneficiary beneficiary,
        String programme,
        String bank,
        String agency,
        String county,
        long amountRials,
        int committedJobs,
        LocalDate grantedOn,
        String status,
        String grantedBy,
        Instant recordedAt) {

    public record Beneficiary(String nationalId, String name) {
    }
}
