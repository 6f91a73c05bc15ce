package rasad.command.followup;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import rasad.eventstore.axon.NodeId;
import rasad.eventstore.deadline.MongoDeadlineManager;

/**
 * Deadlines of the command side (sustainability follow-ups, their misses) in MongoDB instead of Axon's
 * in-memory SimpleDeadlineManager, which forgets everything on restart, and a poller that runs those due.
 */
@Configuration(proxyBeanMethods = false)
class DurableDeadlines {

    private static final Logger log = LoggerFactory.getLogger(DurableDeadlines.class);

    @Bean
    MongoDeadlineManager deadlineManager(com.mongodb.client.MongoDatabase database,
                                         ObjectProvider<org.axonframework.config.Configuration> axon,
                                         TransactionManager transactionManager, Serializer serializer, Clock clock,
                                         NodeId nodeId,
                                         @Value("${rasad.deadlines.claim-timeout:PT5M}") Duration claimTimeout) {
        return new MongoDeadlineManager(database, () -> new ConfigurationScopeAwareProvider(axon.getObject()),
                transactionManager, serializer, clock, nodeId.value(), claimTimeout);
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService deadlinePoller(MongoDeadlineManager deadlines,
                                            @Value("${rasad.deadlines.poll-every:PT1S}") Duration every) {
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "deadline-poller");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(() -> {
            try {
                deadlines.runDue();
            } catch (RuntimeException e) {
                log.warn("Running due deadlines failed; retrying in {}", every, e);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return poller;
    }
}
