package rasad.command.job;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import rasad.kernel.job.EndJob;
import rasad.kernel.job.JobEnded;
import rasad.kernel.job.JobId;
import rasad.kernel.job.JobRegistered;
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

    protected Employment() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public JobId handle(RegisterJob command) {
        JobRegistered requested = JobRegistered.from(command);
        JobRegistered known = jobs.get(command.jobId().value());
        if (known != null) {
            if (known.equals(requested)) {
                return command.jobId();
            }
            throw new RuleViolation("JOB_ID_TAKEN", "job " + command.jobId() + " was registered with other details");
        }
        jobs.values().stream()
                .filter(job -> !ended.containsKey(job.jobId().value()))
                .findFirst()
                .ifPresent(active -> {
                    throw new RuleViolation("JOB_ALREADY_COUNTED", "national id " + command.person()
                            + " already holds an active job under facility " + active.facilityId(),
                            Map.of("facilityId", active.facilityId().value(), "jobId", active.jobId().value()));
                });
        apply(requested);
        return command.jobId();
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
            throw new RuleViolation("JOB_ENDS_BEFORE_START", "a job cannot end before it started on " + job.startedOn());
        }
        apply(new JobEnded(command.person(), command.jobId(), job.facilityId(), command.endedOn(), command.reason()));
    }

    @EventSourcingHandler
    void on(JobRegistered event) {
        nationalId = event.person().value();
        jobs.put(event.jobId().value(), event);
    }

    @EventSourcingHandler
    void on(JobEnded event) {
        ended.put(event.jobId().value(), event);
    }
}
