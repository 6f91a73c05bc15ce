package rasad.command.monitoring;

import org.axonframework.messaging.ScopeDescriptor;

/** Where the time rules' deadlines go: to {@link RuleChecks}, not to an aggregate. */
record RuleCheckScope() implements ScopeDescriptor {

    @Override
    public String scopeDescription() {
        return "alert rule checks";
    }
}
