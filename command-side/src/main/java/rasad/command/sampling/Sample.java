package rasad.command.sampling;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * Drawn plans go in turn, in the order drawn, to the inspectors who cover the plan's county (all of them, when
     * none is scoped to a county).
     */
    private static SampleDrawn draw(DrawSample command) {
        List<String> plans = SamplingRule.draw(command.seed(), command.frame(), command.sizes(), command.defaultSize());
        Map<String, String> countyOf = new HashMap<>();
        command.frame().forEach(entry -> countyOf.put(entry.facilityId().value(), entry.county()));
        List<SampleDrawn.Assignment> assignments = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            String county = countyOf.get(plans.get(i));
            List<String> covering = command.inspectors().stream()
                    .filter(inspector -> command.covers(inspector, county))
                    .toList();
            if (covering.isEmpty()) {
                throw new RuleViolation("INSPECTOR_OUT_OF_SCOPE", "no inspector of the sample covers county " + county);
            }
            assignments.add(
                    new SampleDrawn.Assignment(plans.get(i), covering.get(i % covering.size()), command.dueOn()));
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
