package rasad.command.followup;

import java.time.Clock;
import java.time.Duration;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import rasad.eventstore.axon.NodeId;
import rasad.eventstore.axon.PeriodicTask;
import rasad.eventstore.deadline.MongoDeadlineManager;

/**
 * Deadlines of the command side (sustainability follow-ups, their misses) in MongoDB instead of Axon's
 * in-memory SimpleDeadlineManager, which forgets everything on restart, and a poller that runs those due.
 */
@Configuration(proxyBeanMethods = false)
class DurableDeadlines {

    @Bean
    MongoDeadlineManager deadlineManager(com.mongodb.client.MongoDatabase database,
                                         ObjectProvider<org.axonframework.config.Configuration> axon,
                                         TransactionManager transactionManager, Serializer serializer, Clock clock,
                                         NodeId nodeId,
                                         @Value("${rasad.deadlines.claim-timeout:PT5M}") Duration claimTimeout) {
        return new MongoDeadlineManager(database, () -> new ConfigurationScopeAwareProvider(axon.getObject()),
                transactionManager, serializer, clock, nodeId.value(), claimTimeout);
    }

    @Bean(destroyMethod = "close")
    PeriodicTask deadlinePoller(MongoDeadlineManager deadlines,
                                @Value("${rasad.deadlines.poll-every:PT1S}") Duration every) {
        return new PeriodicTask("deadline-poller", every, deadlines::runDue);
    }
}
