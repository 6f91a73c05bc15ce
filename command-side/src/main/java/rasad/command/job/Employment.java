package rasad.command.job;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import rasad.kernel.job.CorrectJob;
import rasad.kernel.job.EndJob;
import rasad.kernel.job.FollowUpDue;
import rasad.kernel.job.FollowUpMissed;
import rasad.kernel.job.FollowUpRecorded;
import rasad.kernel.job.FollowUpRequested;
import rasad.kernel.job.JobClaimRefused;
import rasad.kernel.job.JobCorrected;
import rasad.kernel.job.JobEnded;
import rasad.kernel.job.JobRegistered;
import rasad.kernel.job.RecordFollowUp;
import rasad.kernel.job.RegisterJob;
import rasad.kernel.validation.RuleViolation;

/**
 * One person's employment as facilities claim it, keyed by national id: the place where "one person, one
 * counted job" holds. Every registration for a person goes through this one stream, so two facilities
 * claiming the same person at the same moment — on two command-side instances — cannot both succeed: the
 * store refuses the second append, and its retry finds the first job.
 */
@Aggregate
public class Employment {

    @AggregateIdentifier
    private String nationalId;

    private final Map<String, JobRegistered> jobs = new HashMap<>();
    private final Map<String, JobEnded> ended = new HashMap<>();
    private final Set<String> followedUp = new HashSet<>();
    private final Map<String, JobClaimRefused> refusedClaims = new HashMap<>();

    static final String FOLLOW_UP = "sustainability-follow-up";
    static final String FOLLOW_UP_MISSED = "sustainability-follow-up-missed";

    protected Employment() {
        // for Axon: rebuilt from its events
    }

    /**
     * Counts the person's job, and asks for its sustainability follow-ups at the configured horizons; those
     * deadlines are durable (they live in MongoDB), so a restart in the months between loses none.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public JobClaim handle(RegisterJob command, DeadlineManager deadlines, FollowUpPolicy policy) {
        JobRegistered requested = JobRegistered.from(command);
        JobRegistered known = jobs.get(command.jobId().value());
        if (known != null) {
            if (known.equals(requested)) {
                return new JobClaim.Counted(command.jobId());
            }
            throw new RuleViolation("JOB_ID_TAKEN", "job " + command.jobId() + " was registered with other details");
        }
        JobRegistered active = jobs.values().stream()
                .filter(job -> !ended.containsKey(job.jobId().value()))
                .findFirst()
                .orElse(null);
        if (active != null) {
            // refused, and kept: a second claim on one person is what rule R6 looks for
            JobClaimRefused refusal = new JobClaimRefused(
                    command.person(), command.jobId(), command.facilityId(), active.facilityId(), active.jobId());
            if (!refusal.equals(refusedClaims.get(command.jobId().value()))) {
                apply(refusal);
            }
            return new JobClaim.RefusedAlreadyCounted(command.person(), active.facilityId(), active.jobId());
        }
        apply(requested);
        for (Duration horizon : policy.horizons()) {
            deadlines.schedule(
                    policy.dueAt(command.startedOn(), horizon),
                    FOLLOW_UP,
                    new FollowUpDue(command.jobId(), horizon.toString()));
        }
        return new JobClaim.Counted(command.jobId());
    }

    @DeadlineHandler(deadlineName = FOLLOW_UP)
    void followUpDue(FollowUpDue due, @Timestamp Instant reachedAt, DeadlineManager deadlines, FollowUpPolicy policy) {
        JobRegistered job = jobs.get(due.jobId().value());
        if (job == null || ended.containsKey(due.jobId().value())) {
            return; // an ended job has nothing left to sustain
        }
        // from when the horizon was reached, not from when a restarted process got round to it
        Instant dueBy = reachedAt.plus(policy.grace());
        apply(new FollowUpRequested(job.person(), job.jobId(), job.facilityId(), due.horizon(), dueBy));
        deadlines.schedule(dueBy, FOLLOW_UP_MISSED, due);
    }

    @DeadlineHandler(deadlineName = FOLLOW_UP_MISSED)
    void followUpMissed(FollowUpDue due) {
        JobRegistered job = jobs.get(due.jobId().value());
        if (job != null && !followedUp.contains(due.jobId().value() + "@" + due.horizon())) {
            apply(new FollowUpMissed(job.person(), job.jobId(), job.facilityId(), due.horizon()));
        }
    }

    @CommandHandler
    public void handle(RecordFollowUp command) {
        JobRegistered job = jobs.get(command.jobId().value());
        if (job == null) {
            throw new RuleViolation("JOB_UNKNOWN", "no job " + command.jobId() + " is registered for this person");
        }
        if (followedUp.contains(command.jobId().value() + "@" + command.horizon())) {
            return; // recorded already; a correction would be its own event
        }
        apply(new FollowUpRecorded(
                command.person(),
                command.jobId(),
                job.facilityId(),
                command.horizon(),
                command.outcome(),
                command.endedOn()));
    }

    /** A correction restates the job with a reason; restating it unchanged records nothing. */
    @CommandHandler
    public void handle(CorrectJob command) {
        JobRegistered job = jobs.get(command.jobId().value());
        if (job == null) {
            throw new RuleViolation("JOB_UNKNOWN", "no job " + command.jobId() + " is registered for this person");
        }
        boolean unchanged = job.occupation().equals(command.occupation())
                && job.startedOn().equals(command.startedOn())
                && job.fullTime() == command.fullTime()
                && job.seasonalMonths() == command.seasonalMonths();
        if (!unchanged) {
            apply(new JobCorrected(
                    command.person(),
                    command.jobId(),
                    job.facilityId(),
                    command.occupation(),
                    command.startedOn(),
                    command.fullTime(),
                    command.seasonalMonths(),
                    command.reason()));
        }
    }

    /** Ending a job twice keeps the first end. It cannot end before it started. */
    @CommandHandler
    public void handle(EndJob command) {
        JobRegistered job = jobs.get(command.jobId().value());
        if (job == null) {
            throw new RuleViolation("JOB_UNKNOWN", "no job " + command.jobId() + " is registered for this person");
        }
        if (ended.containsKey(command.jobId().value())) {
            return;
        }
        if (command.endedOn().isBefore(job.startedOn())) {
            throw new RuleViolation(
                    "JOB_ENDS_BEFORE_START", "a job cannot end before it started on " + job.startedOn());
        }
        apply(new JobEnded(command.person(), command.jobId(), job.facilityId(), command.endedOn(), command.reason()));
    }

    @EventSourcingHandler
    void on(JobRegistered event) {
        nationalId = event.person().value();
        jobs.put(event.jobId().value(), event);
    }

    @EventSourcingHandler
    void on(JobCorrected event) {
        JobRegistered was = jobs.get(event.jobId().value());
        jobs.put(
                event.jobId().value(),
                new JobRegistered(
                        was.person(),
                        was.jobId(),
                        was.facilityId(),
                        event.occupation(),
                        event.startedOn(),
                        event.fullTime(),
                        event.seasonalMonths(),
                        was.insuranceNumber()));
    }

    @EventSourcingHandler
    void on(FollowUpRecorded event) {
        followedUp.add(event.jobId().value() + "@" + event.horizon());
    }

    @EventSourcingHandler
    void on(JobClaimRefused event) {
        nationalId = event.person().value();
        refusedClaims.put(event.jobId().value(), event);
    }

    @EventSourcingHandler
    void on(JobEnded event) {
        ended.put(event.jobId().value(), event);
    }
}
