package rasad.query.facility;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import rasad.query.alerts.OpenAlert;

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
        Instant recordedAt,
        long paidRials,
        List<Tranche> tranches,
        Closure closure,
        List<Job> jobs,
        Profile profile,
        Place workplace,
        String branch,
        String fundingSource,
        String approvedPlan,
        List<Finding> findings,
        List<TimelineEntry> timeline,
        List<OpenAlert> openAlerts) {

    /**
     * The case with its open alerts, which the alerts read model keeps (only the case view shows them; lists
     * leave them out, and so do roles that may not read alerts).
     */
    FacilityView withOpenAlerts(List<OpenAlert> alerts) {
        return new FacilityView(
                facilityId,
                beneficiary,
                programme,
                bank,
                agency,
                county,
                amountRials,
                committedJobs,
                grantedOn,
                status,
                grantedBy,
                recordedAt,
                paidRials,
                tranches,
                closure,
                jobs,
                profile,
                workplace,
                branch,
                fundingSource,
                approvedPlan,
                findings,
                timeline,
                alerts);
    }

    /** The case with every national id it shows passed through {@code shown} (masked, for most roles). */
    public FacilityView withNationalIds(UnaryOperator<String> shown) {
        return new FacilityView(
                facilityId,
                new Beneficiary(shown.apply(beneficiary.nationalId()), beneficiary.name()),
                programme,
                bank,
                agency,
                county,
                amountRials,
                committedJobs,
                grantedOn,
                status,
                grantedBy,
                recordedAt,
                paidRials,
                tranches,
                closure,
                jobs.stream()
                        .map(job -> new Job(
                                job.jobId(),
                                shown.apply(job.nationalId()),
                                job.occupation(),
                                job.startedOn(),
                                job.fullTime(),
                                job.seasonalMonths(),
                                job.endedOn(),
                                job.smsCheck(),
                                job.phoneCheck(),
                                job.followUps()))
                        .toList(),
                profile,
                workplace,
                branch,
                fundingSource,
                approvedPlan,
                findings,
                timeline,
                openAlerts);
    }

    /** One step of the case's recent history: what happened, when, by whom, on whose behalf, why. */
    public record TimelineEntry(
            String event, Instant at, String actor, String actorRole, String onBehalfOf, String reason) {}

    /** A possible diversion: OPEN until a manager CONFIRMED or DISMISSED it. */
    public record Finding(
            String findingId, LocalDate observedOn, String finding, String status, String decisionReason) {}

    /** Gender, disability, rural: the attributes every breakdown uses; null where unknown. */
    public record Profile(String gender, Boolean disabled, Boolean rural) {}

    public record Place(String address, Double latitude, Double longitude) {}

    public record Beneficiary(String nationalId, String name) {}

    public record Tranche(String trancheId, long amountRials, LocalDate paidOn) {}

    public record Closure(String kind, LocalDate closedOn, String reason) {}

    /** A job the facility claims; {@code seasonalMonths} 0 means year-round; {@code endedOn} null while active. */
    public record Job(
            String jobId,
            String nationalId,
            String occupation,
            LocalDate startedOn,
            boolean fullTime,
            int seasonalMonths,
            LocalDate endedOn,
            String smsCheck,
            String phoneCheck,
            Map<String, String> followUps) {

        /**
         * Each follow-up horizon as people speak of it, in months: {@code PT4368H} (182 days) is 6, {@code
         * PT8760H} (365 days) is 12. The horizon's code stays the key, as commands and events name it.
         */
        @JsonProperty("followUpMonths")
        public Map<String, Long> followUpMonths() {
            Map<String, Long> months = new LinkedHashMap<>();
            if (followUps != null) {
                followUps.keySet().forEach(horizon -> months.put(horizon, HorizonMonths.of(horizon)));
            }
            return months;
        }
    }

    /** A case as first granted: nothing paid yet. */
    static FacilityView granted(
            String facilityId,
            Beneficiary beneficiary,
            String programme,
            String bank,
            String agency,
            String county,
            long amountRials,
            int committedJobs,
            LocalDate grantedOn,
            String grantedBy,
            Instant recordedAt,
            Profile profile,
            Place workplace,
            String branch,
            String fundingSource,
            String approvedPlan) {
        return new FacilityView(
                facilityId,
                beneficiary,
                programme,
                bank,
                agency,
                county,
                amountRials,
                committedJobs,
                grantedOn,
                "GRANTED",
                grantedBy,
                recordedAt,
                0,
                List.of(),
                null,
                List.of(),
                profile,
                workplace,
                branch,
                fundingSource,
                approvedPlan,
                List.of(),
                List.of(),
                null);
    }
}
