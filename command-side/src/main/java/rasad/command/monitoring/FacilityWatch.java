package rasad.command.monitoring;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import rasad.kernel.alerts.AlertRule;
import rasad.kernel.alerts.AlertSubject;
import rasad.kernel.alerts.Evidence;

/** What the rules about one facility share: its facts, its programme's parameters (per rule), and raising on events. */
@Component
class FacilityWatch {

    private final RuleState state;
    private final RuleSettings settings;
    private final RaisedAlerts alerts;

    FacilityWatch(RuleState state, RuleSettings settings, RaisedAlerts alerts) {
        this.state = state;
        this.settings = settings;
        this.alerts = alerts;
    }

    RaisedAlerts alerts() {
        return alerts;
    }

    Optional<FacilityFacts> facts(String facilityId) {
        return state.load(FacilityFacts.id(facilityId), FacilityFacts.class);
    }

    void save(FacilityFacts facts) {
        state.save(FacilityFacts.id(facts.facilityId), facts);
    }

    void withFacts(String facilityId, Predicate<FacilityFacts> change) {
        facts(facilityId).ifPresent(facts -> {
            if (change.test(facts)) {
                save(facts);
            }
        });
    }

    /** What the rule uses for this facility's programme. */
    RuleParameters parameters(FacilityFacts facts, AlertRule rule) {
        return settings.forRule(rule, facts.programme);
    }

    /** Raises an alert of an event-driven rule, and remembers it: only such an alert is ever cleared by an event. */
    void signal(
            FacilityFacts facts,
            String alertId,
            AlertRule rule,
            AlertSubject subject,
            String explanation,
            List<Evidence> evidence) {
        alerts.raise(alertId, rule, parameters(facts, rule), subject, explanation, evidence);
        if (facts.raised.add(alertId)) {
            save(facts);
        }
    }

    void signalEnded(FacilityFacts facts, String alertId, AlertRule rule, String explanation, List<Evidence> evidence) {
        if (facts.raised.remove(alertId)) {
            save(facts);
            alerts.clear(alertId, rule, explanation, evidence);
        }
    }
}
