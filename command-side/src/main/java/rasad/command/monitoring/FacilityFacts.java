package rasad.command.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import rasad.kernel.alerts.AlertSubject;

/** What the rules know of one facility: its grant, payments, claimed jobs and field visits. */
class FacilityFacts {

    String facilityId;
    String programme;
    String bank;
    String county;
    String agency;
    String beneficiary;
    int committedJobs;
    Double workplaceLatitude;
    Double workplaceLongitude;
    LocalDate firstPaidOn;
    boolean closed;
    final List<Tranche> tranches = new ArrayList<>();
    final List<Job> jobs = new ArrayList<>();
    final List<Assignment> assignments = new ArrayList<>();
    final List<Visit> visits = new ArrayList<>();
    /** Jobs whose latest SMS or phone check failed, with the outcome. */
    final Map<String, String> smsFailed = new TreeMap<>();

    final Map<String, String> phoneFailed = new TreeMap<>();
    /** Alerts these rules raised on events (not at deadlines) and have not cleared: the only ones to clear. */
    final Set<String> raised = new TreeSet<>();

    record Tranche(String trancheId, LocalDate paidOn) {}

    record Job(String jobId, LocalDate startedOn) {}

    record Assignment(String sampleId, Instant assignedAt) {}

    record Visit(String visitId, Instant recordedAt) {}

    static String id(String facilityId) {
        return "facility:" + facilityId;
    }

    AlertSubject subject(String description) {
        return new AlertSubject(facilityId, bank, county, agency, programme, description);
    }

    Optional<Job> job(String jobId) {
        return jobs.stream().filter(job -> job.jobId().equals(jobId)).findFirst();
    }

    Optional<Tranche> tranche(String trancheId) {
        return tranches.stream()
                .filter(tranche -> tranche.trancheId().equals(trancheId))
                .findFirst();
    }
}
