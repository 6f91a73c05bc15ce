package rasad.command.sampling;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import rasad.kernel.sampling.AssignFieldVisit;
import rasad.kernel.sampling.FieldVisitAssigned;

/** The field-visit assignments of one plan: who may visit it, by when, from which sample. */
@Aggregate
public class Inspection {

    @AggregateIdentifier
    private String inspectionId;

    private final Set<String> assignments = new HashSet<>();

    protected Inspection() {
        // for Axon: rebuilt from its events
    }

    /** The same assignment again (a retried draw) records nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AssignFieldVisit command) {
        if (assignments.add(command.sampleId() + "/" + command.inspector())) {
            apply(new FieldVisitAssigned(
                    command.facilityId(), command.sampleId(), command.inspector(), command.dueOn()));
        }
    }

    @EventSourcingHandler
    void on(FieldVisitAssigned event) {
        inspectionId = AssignFieldVisit.inspectionOf(event.facilityId());
        assignments.add(event.sampleId() + "/" + event.inspector());
    }
}
