package rasad.query.dashboard;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * What the dashboard knows of one facility: enough to say, from scratch, what it adds to every figure.
 * Kept per facility so that a change (a stage passed, a visit, a correction) is counted as the difference
 * between what the facility added before and after it, never as a blind increment.
 */
record CaseFacts(
        String facilityId,
        Grant grant,
        Map<String, Tranche> tranches,
        Map<String, Job> jobs,
        boolean drawn,
        Visit visit,
        Set<String> confirmedDiversions) {

    CaseFacts {
        tranches = new TreeMap<>(tranches == null ? Map.of() : tranches);
        jobs = new TreeMap<>(jobs == null ? Map.of() : jobs);
        confirmedDiversions = new TreeSet<>(confirmedDiversions == null ? Set.of() : confirmedDiversions);
    }

    static CaseFacts unknown(String facilityId) {
        return new CaseFacts(facilityId, null, Map.of(), Map.of(), false, null, Set.of());
    }

    /** The grant's dimensions: who lends, who answers, where, for whom. */
    record Grant(
            String agency,
            String programme,
            String county,
            String bank,
            String fundingSource,
            String approvedPlan,
            String gender,
            Boolean disabled,
            Boolean rural,
            LocalDate grantedOn,
            long amountRials) {}

    record Tranche(long amountRials, LocalDate paidOn) {}

    /** A job and its stages; {@code followUps} maps a horizon to STILL_ACTIVE, ENDED, UNREACHABLE or MISSED. */
    record Job(
            LocalDate startedOn,
            boolean fullTime,
            int seasonalMonths,
            LocalDate endedOn,
            String sms,
            String phone,
            Map<String, String> followUps) {

        Job {
            followUps = new TreeMap<>(followUps == null ? Map.of() : followUps);
        }

        Job withSms(String outcome) {
            return new Job(startedOn, fullTime, seasonalMonths, endedOn, outcome, phone, followUps);
        }

        Job withPhone(String outcome) {
            return new Job(startedOn, fullTime, seasonalMonths, endedOn, sms, outcome, followUps);
        }

        Job withEnd(LocalDate on) {
            return new Job(startedOn, fullTime, seasonalMonths, on, sms, phone, followUps);
        }

        Job withFollowUp(String horizon, String outcome) {
            Map<String, String> next = new TreeMap<>(followUps);
            next.put(horizon, outcome);
            return new Job(startedOn, fullTime, seasonalMonths, endedOn, sms, phone, next);
        }

        Job correctedTo(LocalDate started, boolean full, int seasonal) {
            return new Job(started, full, seasonal, endedOn, sms, phone, followUps);
        }
    }

    /** The latest field visit's findings. */
    record Visit(boolean businessOperating, boolean moneyUsedAsPlanned, Map<String, Boolean> jobsSeen) {

        Visit {
            jobsSeen = new TreeMap<>(jobsSeen == null ? Map.of() : jobsSeen);
        }

        boolean passed() {
            return businessOperating && moneyUsedAsPlanned && !jobsSeen.containsValue(false);
        }

        boolean saw(String jobId) {
            return businessOperating && Boolean.TRUE.equals(jobsSeen.get(jobId));
        }
    }

    CaseFacts granted(Grant granted) {
        return new CaseFacts(facilityId, granted, tranches, jobs, drawn, visit, confirmedDiversions);
    }

    CaseFacts paid(String trancheId, Tranche tranche) {
        Map<String, Tranche> next = new TreeMap<>(tranches);
        next.put(trancheId, tranche);
        return new CaseFacts(facilityId, grant, next, jobs, drawn, visit, confirmedDiversions);
    }

    CaseFacts registered(String jobId, Job job) {
        Map<String, Job> next = new TreeMap<>(jobs);
        // a registration replayed after later stages keeps what those stages recorded
        Job known = jobs.get(jobId);
        next.put(jobId, known == null ? job : known.correctedTo(job.startedOn(), job.fullTime(), job.seasonalMonths()));
        return new CaseFacts(facilityId, grant, tranches, next, drawn, visit, confirmedDiversions);
    }

    /** Changes one job; a job the dashboard never saw registered is left alone. */
    CaseFacts job(String jobId, UnaryOperator<Job> change) {
        Job known = jobs.get(jobId);
        if (known == null) {
            return this;
        }
        Map<String, Job> next = new TreeMap<>(jobs);
        next.put(jobId, change.apply(known));
        return new CaseFacts(facilityId, grant, tranches, next, drawn, visit, confirmedDiversions);
    }

    CaseFacts drawnForVisit() {
        return new CaseFacts(facilityId, grant, tranches, jobs, true, visit, confirmedDiversions);
    }

    CaseFacts visited(Visit latest) {
        return new CaseFacts(facilityId, grant, tranches, jobs, drawn, latest, confirmedDiversions);
    }

    /** By finding id: the same confirmation delivered twice is one diversion. */
    CaseFacts diversionConfirmed(String findingId) {
        Set<String> next = new TreeSet<>(confirmedDiversions);
        next.add(findingId);
        return new CaseFacts(facilityId, grant, tranches, jobs, drawn, visit, next);
    }
}
