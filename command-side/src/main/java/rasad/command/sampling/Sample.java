package rasad.command.sampling;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import rasad.kernel.sampling.DrawSample;
import rasad.kernel.sampling.SampleDrawn;
import rasad.kernel.sampling.SamplingRule;
import rasad.kernel.validation.RuleViolation;

/**
 * A draw of plans for field visits. The draw is deterministic (see {@link SamplingRule}), so the event keeps
 * the seed and the frame: an auditor draws again and must get the same plans.
 */
@Aggregate
public class Sample {

    @AggregateIdentifier
    private String sampleId;

    private SampleDrawn drawn;

    protected Sample() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public List<SampleDrawn.Assignment> handle(DrawSample command) {
        SampleDrawn requested = draw(command);
        if (drawn == null) {
            apply(requested);
        } else if (!drawn.equals(requested)) {
            throw new RuleViolation(
                    "SAMPLE_ID_TAKEN", "sample " + command.sampleId() + " was drawn from another frame or seed");
        }
        return requested.assignments();
    }

    /** Drawn plans go to the inspectors in turn, in the order drawn. */
    private static SampleDrawn draw(DrawSample command) {
        List<String> plans = SamplingRule.draw(command.seed(), command.frame(), command.sizes(), command.defaultSize());
        List<SampleDrawn.Assignment> assignments = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            assignments.add(new SampleDrawn.Assignment(
                    plans.get(i),
                    command.inspectors().get(i % command.inspectors().size()),
                    command.dueOn()));
        }
        return new SampleDrawn(
                command.sampleId(),
                SampleDrawn.RULE,
                command.seed(),
                command.frame(),
                command.sizes(),
                command.defaultSize(),
                assignments);
    }

    @EventSourcingHandler
    void on(SampleDrawn event) {
        sampleId = event.sampleId();
        drawn = event;
    }
}
