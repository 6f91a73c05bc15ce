package rasad.command.referencedata;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import rasad.kernel.referencedata.AddReferenceEntry;
import rasad.kernel.referencedata.ReferenceEntryAdded;
import rasad.kernel.referencedata.ReferenceEntryId;
import rasad.kernel.referencedata.ReferenceEntryRetired;
import rasad.kernel.referencedata.RetireReferenceEntry;
import rasad.kernel.validation.RuleViolation;

/**
 * One entry of reference data — a programme, a funding source of a fiscal year, an agency, a bank, a branch,
 * a county. Programmes and funding sources change with each year's budget law, so they are added and retired
 * as events, without a release.
 */
@Aggregate
public class ReferenceEntry {

    @AggregateIdentifier
    private String id;

    private ReferenceEntryAdded added;
    private boolean retired;

    protected ReferenceEntry() {
        // for Axon: rebuilt from its events
    }

    /** Adding the same entry again changes nothing; the same code with other details is refused. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ReferenceEntryId handle(AddReferenceEntry command) {
        ReferenceEntryAdded requested = ReferenceEntryAdded.from(command);
        if (added == null) {
            apply(requested);
        } else if (retired) {
            throw new RuleViolation(
                    "REFERENCE_ENTRY_RETIRED",
                    command.id() + " was retired; a retired code is not reused, so that history stays unambiguous");
        } else if (!added.equals(requested)) {
            throw new RuleViolation("REFERENCE_CODE_TAKEN", command.id() + " already exists with other details");
        }
        return command.id();
    }

    /** Retiring twice changes nothing: the first retirement and its reason stand. */
    @CommandHandler
    public void handle(RetireReferenceEntry command) {
        if (!retired) {
            apply(new ReferenceEntryRetired(command.id(), command.reason()));
        }
    }

    @EventSourcingHandler
    void on(ReferenceEntryAdded event) {
        id = event.id().toString();
        added = event;
    }

    @EventSourcingHandler
    void on(ReferenceEntryRetired event) {
        retired = true;
    }
}
