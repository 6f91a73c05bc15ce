package rasad.command.followup;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.messaging.ScopeAwareProvider;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import rasad.command.monitoring.RuleChecks;
import rasad.eventstore.axon.NodeId;
import rasad.eventstore.axon.PeriodicTask;
import rasad.eventstore.deadline.MongoDeadlineManager;

/**
 * Deadlines of the command side (sustainability follow-ups, their misses, the alert rules' checks) in MongoDB instead of Axon's
 * in-memory SimpleDeadlineManager, which forgets everything on restart, and a poller that runs those due.
 */
@Configuration(proxyBeanMethods = false)
class DurableDeadlines {

    @Bean
    MongoDeadlineManager deadlineManager(
            MongoDatabase database,
            ObjectProvider<org.axonframework.config.Configuration> axon,
            TransactionManager transactionManager,
            Serializer serializer,
            Clock clock,
            NodeId nodeId,
            ObjectProvider<RuleChecks> ruleChecks,
            ObjectProvider<CorrelationDataProvider> correlationData,
            @Value("${rasad.deadlines.claim-timeout:PT5M}") Duration claimTimeout) {
        // aggregates and sagas, as Axon finds them, and the alert rules' time checks
        ScopeAwareProvider scopes = scope -> Stream.concat(
                new ConfigurationScopeAwareProvider(axon.getObject()).provideScopeAwareStream(scope),
                Stream.of(ruleChecks.getObject()));
        MongoDeadlineManager deadlines = new MongoDeadlineManager(
                database, () -> scopes, transactionManager, serializer, clock, nodeId.value(), claimTimeout);
        // the audit trail's metadata, copied from a deadline to what it causes, as for commands and events
        deadlines.registerHandlerInterceptor(
                new CorrelationDataInterceptor<>(correlationData.orderedStream().toList()));
        return deadlines;
    }

    /** Every second while deadlines fall due, every {@code poll-every-when-idle} while none do. */
    @Bean(destroyMethod = "close")
    PeriodicTask deadlinePoller(
            MongoDeadlineManager deadlines,
            @Value("${rasad.deadlines.poll-every:PT1S}") Duration every,
            @Value("${rasad.deadlines.poll-every-when-idle:PT5S}") Duration whenIdle) {
        return new PeriodicTask("deadline-poller", every, whenIdle, () -> deadlines.runDue() > 0);
    }
}
