package rasad.command.operations;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import rasad.kernel.operations.ReadModelRebuildRequested;
import rasad.kernel.operations.RequestReadModelRebuild;
import rasad.kernel.validation.RuleViolation;

/**
 * An admin's request to rebuild a query-side read model, under the id the client chose: recorded once. The same
 * request again records nothing (the first reason stands); the same id for another read model is refused. The query
 * side carries the request out and reports how it went; the command side only records that it was asked, by whom
 * and why.
 */
@Aggregate
public class ReadModelRebuild {

    @AggregateIdentifier
    private String id;

    private ReadModelRebuildRequested requested;

    protected ReadModelRebuild() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ReadModelRebuildRequested handle(RequestReadModelRebuild command) {
        if (requested == null) {
            ReadModelRebuildRequested event =
                    new ReadModelRebuildRequested(command.rebuildId(), command.readModel(), command.reason());
            apply(event);
            return event;
        }
        if (!requested.readModel().equals(command.readModel())) {
            throw new RuleViolation(
                    "REBUILD_ID_TAKEN",
                    "rebuild " + command.rebuildId().value() + " was requested for " + requested.readModel()
                            + "; a new request needs a new id");
        }
        return requested;
    }

    @EventSourcingHandler
    void on(ReadModelRebuildRequested event) {
        id = event.rebuildId().toString();
        requested = event;
    }
}
