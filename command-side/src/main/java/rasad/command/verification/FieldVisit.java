package rasad.command.verification;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import rasad.kernel.validation.RuleViolation;
import rasad.kernel.verification.FieldVisitRecorded;
import rasad.kernel.verification.RecordFieldVisit;

/** One field visit, recorded once: a visit re-sent from a phone with a poor connection records nothing new. */
@Aggregate
public class FieldVisit {

    @AggregateIdentifier
    private String visitId;

    private FieldVisitRecorded recorded;

    protected FieldVisit() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(RecordFieldVisit command) {
        FieldVisitRecorded requested = FieldVisitRecorded.from(command);
        if (recorded == null) {
            apply(requested);
        } else if (!recorded.equals(requested)) {
            throw new RuleViolation(
                    "VISIT_ID_TAKEN", "visit " + command.visitId() + " was recorded with other findings");
        }
        return command.visitId();
    }

    @EventSourcingHandler
    void on(FieldVisitRecorded event) {
        visitId = event.visitId();
        recorded = event;
    }
}
