package rasad.eventstore.axon;

import com.mongodb.client.MongoClient;
import java.time.Clock;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import rasad.eventstore.mongo.MongoEndpoint;
import rasad.eventstore.mongo.RasadMongoAutoConfiguration;
import rasad.eventstore.mongo.RasadMongoProperties;
import rasad.kernel.audit.AuditMetaData;

/**
 * Axon without Axon Server: events, snapshots and tracking tokens in MongoDB, messages as JSON, and the
 * audit metadata every event must carry.
 */
@AutoConfiguration(after = RasadMongoAutoConfiguration.class, before = AxonAutoConfiguration.class)
public class AxonOnMongoAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AxonOnMongoAutoConfiguration.class);

    private final Serializer jackson = MessageSerialization.jacksonSerializer();

    @Bean
    @Primary
    @Qualifier("serializer")
    Serializer serializer() {
        return jackson;
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return jackson;
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return jackson;
    }

    @Bean
    MongoTemplate axonMongoTemplate(MongoClient client, MongoEndpoint endpoint, RasadMongoProperties properties) {
        return DefaultMongoTemplate.builder()
                .mongoDatabase(client, endpoint.databaseName(properties))
                .build();
    }

    @Bean
    EventStorageEngine eventStorageEngine(MongoTemplate axonMongoTemplate) {
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                .mongoTemplate(axonMongoTemplate)
                .eventSerializer(jackson)
                .snapshotSerializer(jackson)
                .build();
        engine.ensureIndexes();
        return engine;
    }

    @Bean
    NodeId nodeId(@Value("${rasad.node-id:}") String configured,
                  @Value("${spring.application.name:rasad}") String applicationName) {
        NodeId nodeId = configured.isBlank() ? NodeId.forProcess(applicationName) : new NodeId(configured);
        log.info("Token-claim node id: {}", nodeId);
        return nodeId;
    }

    @Bean
    TokenStore tokenStore(MongoTemplate axonMongoTemplate, NodeId nodeId) {
        return MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(jackson)
                .nodeId(nodeId.value())
                .build();
    }

    /** Axon's own: correlation and trace ids. Declared here because declaring any provider replaces it. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /** Who, in which role, for whom, why and under which request: copied from each command to its events. */
    @Bean
    CorrelationDataProvider auditTrailProvider() {
        return new SimpleCorrelationDataProvider(AuditMetaData.ACTOR, AuditMetaData.ACTOR_ROLE,
                AuditMetaData.ON_BEHALF_OF, AuditMetaData.REASON, AuditMetaData.REQUEST_ID);
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Registered on the event bus itself, so no event reaches the store without its recording time. */
    @Bean
    Registration recordedAtOnEveryEvent(EventBus eventBus, Clock clock) {
        return eventBus.registerDispatchInterceptor(new RecordedAtInterceptor(clock));
    }
}
