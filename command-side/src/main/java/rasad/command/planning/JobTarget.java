package rasad.command.planning;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import rasad.kernel.planning.JobTargetRevised;
import rasad.kernel.planning.JobTargetSet;
import rasad.kernel.planning.SetJobTarget;
import rasad.kernel.validation.RuleViolation;

/**
 * A scope's job commitment for a fiscal year (e.g. East Azerbaijan, 1403: 45,794 jobs). Its history is the
 * history of the number: first set, then every revision with its reason.
 */
@Aggregate
public class JobTarget {

    @AggregateIdentifier
    private String id;

    private Integer jobs;

    protected JobTarget() {
        // for Axon: rebuilt from its events
    }

    /** Setting the same number again records nothing; another number is a revision and needs a reason. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public int handle(SetJobTarget command) {
        if (jobs == null) {
            apply(new JobTargetSet(command.id(), command.jobs(), command.reason()));
        } else if (jobs != command.jobs()) {
            if (command.reason() == null) {
                throw new RuleViolation(
                        "REVISION_WITHOUT_REASON",
                        "the target of " + command.id() + " is " + jobs + "; revising it needs a reason");
            }
            apply(new JobTargetRevised(command.id(), jobs, command.jobs(), command.reason()));
        }
        return command.jobs();
    }

    @EventSourcingHandler
    void on(JobTargetSet event) {
        id = event.id().toString();
        jobs = event.jobs();
    }

    @EventSourcingHandler
    void on(JobTargetRevised event) {
        jobs = event.jobs();
    }
}
