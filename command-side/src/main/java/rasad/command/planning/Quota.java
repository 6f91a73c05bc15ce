package rasad.command.planning;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import rasad.kernel.money.Rials;
import rasad.kernel.planning.ConsumeQuota;
import rasad.kernel.planning.QuotaConsumed;
import rasad.kernel.planning.QuotaRevised;
import rasad.kernel.planning.QuotaSet;
import rasad.kernel.planning.SetQuota;
import rasad.kernel.validation.RuleViolation;

/**
 * Money allocated to a bank or support institution for a programme from a funding source in a fiscal year
 * (e.g. Relief Committee, Note 16: 1,000 bn tomans). Revisions carry their reason.
 */
@Aggregate(snapshotTriggerDefinition = "quotaSnapshotTrigger")
public class Quota {

    @AggregateIdentifier
    private String id;

    private Rials amount;
    private Rials consumed = Rials.ZERO;
    private final Map<String, Boolean> tranches = new HashMap<>();

    protected Quota() {
        // for Axon: rebuilt from its events
    }

    /**
     * Counts a paid tranche; one beyond the quota — or under no quota at all — is recorded and flagged, not
     * refused: the money was paid. The same tranche again counts once.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(ConsumeQuota command) {
        String tranche = command.facilityId() + "/" + command.trancheId();
        if (tranches.containsKey(tranche)) {
            return tranches.get(tranche); // counted already; answers as the first time
        }
        Rials after = consumed.plus(command.amount());
        boolean beyond = amount == null || after.compareTo(amount) > 0;
        apply(new QuotaConsumed(
                command.id(),
                command.facilityId(),
                command.trancheId(),
                command.amount(),
                after,
                amount == null ? Rials.ZERO : amount,
                beyond));
        return beyond;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Rials handle(SetQuota command) {
        if (amount == null) {
            apply(new QuotaSet(command.id(), command.amount(), command.reason()));
        } else if (!amount.equals(command.amount())) {
            if (command.reason() == null) {
                throw new RuleViolation(
                        "REVISION_WITHOUT_REASON",
                        "the quota " + command.id() + " is " + amount + "; revising it needs a reason");
            }
            apply(new QuotaRevised(command.id(), amount, command.amount(), command.reason()));
        }
        return command.amount();
    }

    @EventSourcingHandler
    void on(QuotaSet event) {
        id = event.id().toString();
        amount = event.amount();
    }

    @EventSourcingHandler
    void on(QuotaConsumed event) {
        id = event.id().toString();
        consumed = event.consumed();
        tranches.put(event.facilityId() + "/" + event.trancheId(), event.beyondQuota());
    }

    @EventSourcingHandler
    void on(QuotaRevised event) {
        amount = event.amount();
    }
}
