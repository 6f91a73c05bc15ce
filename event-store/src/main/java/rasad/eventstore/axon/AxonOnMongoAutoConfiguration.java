package rasad.eventstore.axon;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.axonframework.common.Registration;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import rasad.eventstore.engine.EventStoreCollections;
import rasad.eventstore.engine.RasadEventStorageEngine;
import rasad.eventstore.integrity.EventStoreSealer;
import rasad.eventstore.integrity.FileWitness;
import rasad.eventstore.integrity.HttpWitness;
import rasad.eventstore.integrity.IntegrityFindings;
import rasad.eventstore.integrity.Seal;
import rasad.eventstore.integrity.SealIndex;
import rasad.eventstore.integrity.SealKeys;
import rasad.eventstore.integrity.SealWitness;
import rasad.eventstore.mongo.MongoEndpoint;
import rasad.eventstore.mongo.RasadMongoAutoConfiguration;
import rasad.eventstore.mongo.RasadMongoProperties;
import rasad.eventstore.upcasting.AlertEvidenceUpcaster;
import rasad.eventstore.upcasting.FacilityGrantedUpcaster;
import rasad.kernel.audit.AuditMetaData;

/**
 * Axon without Axon Server: events and snapshots in Rasad's own storage engine, tracking tokens in Axon's
 * Mongo token store, messages as JSON, and the audit metadata every event must carry.
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

    /** Axon's Mongo template: the token store keeps its collection; events have their own engine. */
    @Bean
    EventStoreCollections eventStoreCollections(MongoDatabase rasadDatabase) {
        return EventStoreCollections.in(rasadDatabase);
    }

    /**
     * The engine; a processor that has read everything looks for other processes' events every fetch delay
     * while they come, and less often while none do, down to once per
     * {@code rasad.event-store.fetch-delay-when-idle}.
     */
    @Bean
    RasadEventStorageEngine eventStorageEngine(
            EventStoreCollections collections,
            NodeId nodeId,
            Clock clock,
            ObjectProvider<EventUpcaster> upcasters,
            @Value("${rasad.event-store.fetch-delay-when-idle:PT1S}") Duration quietPollingUpTo) {
        RasadEventStorageEngine engine = RasadEventStorageEngine.builder()
                .store(collections)
                .clock(clock)
                .nodeId(nodeId.value())
                .eventSerializer(jackson)
                .snapshotSerializer(jackson)
                .upcasterChain(new EventUpcasterChain(upcasters.orderedStream().toList()))
                .quietPollingUpTo(quietPollingUpTo)
                .build(); // creates its index
        return engine;
    }

    /** Released events read in their current shape: one upcaster per superseded revision. */
    @Bean
    EventUpcaster facilityGrantedUpcaster() {
        return new FacilityGrantedUpcaster();
    }

    @Bean
    EventUpcaster alertEvidenceUpcaster() {
        return new AlertEvidenceUpcaster();
    }

    /**
     * Where the sealer's Ed25519 keys live: outside MongoDB, beside the embedded database's files by default
     * (a secret or volume of its own in a real deployment), so that write access to the database is not enough
     * to sign a seal.
     */
    @Bean
    SealKeyLocation sealKeyLocation(
            @Value("${rasad.integrity.seal-key-dir:${rasad.mongodb.embedded.data-dir:data}/seal-keys}") String keyDir,
            @Value("${rasad.integrity.trusted-key-dir:}") String trustedDir,
            @Value("${rasad.integrity.witness-file:${rasad.mongodb.embedded.data-dir:data}/witness/seals.jsonl}")
                    String witnessFile) {
        Path keys = Path.of(keyDir).toAbsolutePath().normalize();
        return new SealKeyLocation(
                keys,
                trustedDir.isBlank()
                        ? keys
                        : Path.of(trustedDir).toAbsolutePath().normalize(),
                Path.of(witnessFile).toAbsolutePath().normalize());
    }

    /** The seal keys' directory, the public keys a verifier trusts, and the witness file outside the database. */
    public record SealKeyLocation(Path keyDirectory, Path trustedKeyDirectory, Path witnessFile) {}

    @Bean
    FileWitness fileWitness(SealKeyLocation location) {
        return new FileWitness(location.witnessFile());
    }

    @Bean
    IntegrityFindings integrityFindings(
            EventStoreCollections collections, Clock clock, ObjectProvider<MeterRegistry> meters) {
        return new IntegrityFindings(collections, clock, meters.getIfAvailable());
    }

    @Bean
    SealIndex sealIndex(EventStoreCollections collections) {
        return new SealIndex(collections);
    }

    /**
     * Fences positions left unresolved past the gap timeout, and seals blocks: signed, witnessed outside the
     * database, never replaced. Runs where events are written (the command side); the query side only reads.
     */
    @Bean
    @ConditionalOnProperty(name = "rasad.event-store.sealer.enabled", havingValue = "true", matchIfMissing = true)
    EventStoreSealer eventStoreSealer(
            EventStoreCollections collections,
            Clock clock,
            SealKeyLocation location,
            FileWitness fileWitness,
            IntegrityFindings findings,
            ObjectProvider<MeterRegistry> meters,
            @Value("${rasad.event-store.block-size:1024}") int blockSize,
            @Value("${rasad.event-store.gap-timeout:PT60S}") Duration gapTimeout,
            @Value("${rasad.event-store.block-max-age:PT60S}") Duration maxBlockAge,
            @Value("${rasad.integrity.witness-url:}") String witnessUrl) {
        Supplier<SealKeys> keys = SealKeys.watching(location.keyDirectory(), clock);
        SealWitness witness =
                witnessUrl.isBlank() ? fileWitness : both(fileWitness, new HttpWitness(URI.create(witnessUrl)));
        log.info(
                "Seals are signed with key {} kept in {} (outside the database); each seal is witnessed in {}{}",
                keys.get().currentId(),
                location.keyDirectory(),
                location.witnessFile(),
                witnessUrl.isBlank() ? "" : " and at " + witnessUrl);
        return new EventStoreSealer(
                collections,
                new EventStoreSealer.Settings(blockSize, gapTimeout, maxBlockAge),
                clock,
                keys,
                witness,
                findings,
                meters.getIfAvailable());
    }

    private static SealWitness both(SealWitness first, SealWitness second) {
        return new SealWitness() {
            @Override
            public void witness(Seal seal) {
                try {
                    first.witness(seal);
                } finally {
                    second.witness(seal);
                }
            }

            @Override
            public long lastWitnessedBlock() {
                return first.lastWitnessedBlock();
            }
        };
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "rasad.event-store.sealer.enabled", havingValue = "true", matchIfMissing = true)
    PeriodicTask eventStoreSealing(
            EventStoreSealer sealer,
            @Value("${rasad.event-store.seal-every:PT2S}") Duration every,
            @Value("${rasad.event-store.seal-every-when-idle:PT10S}") Duration whenIdle) {
        return new PeriodicTask("event-store-sealer", every, whenIdle, () -> sealer.sealAvailable() > 0);
    }

    @Bean
    NodeId nodeId(
            @Value("${rasad.node-id:}") String configured,
            @Value("${spring.application.name:rasad}") String applicationName) {
        NodeId nodeId = configured.isBlank() ? NodeId.forProcess(applicationName) : new NodeId(configured);
        log.info("Token-claim node id: {}", nodeId);
        return nodeId;
    }

    /**
     * Axon's Mongo token store with its claims: one node holds a processor's segment, and another may take it
     * once the claim is older than {@code rasad.processors.claim-timeout}; an idle holder writes its claim every
     * third of that.
     */
    @Bean
    TokenStore tokenStore(
            MongoTemplate axonMongoTemplate,
            NodeId nodeId,
            @Value("${rasad.processors.claim-timeout:PT10S}") Duration claimTimeout) {
        MongoTokenStore.Builder builder = MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(jackson)
                .nodeId(nodeId.value())
                .claimTimeout(claimTimeout);
        return new SparingTokenStore(builder, claimTimeout.dividedBy(3));
    }

    /**
     * Axon's event store as its auto-configuration builds it, but looking for new events every
     * {@code rasad.event-store.fetch-delay} once a processor has read everything (Axon's default is a second):
     * events written by another process — the command side, another instance — reach the read models and the
     * alert rules within that. Events written in this process wake the processors at once either way.
     */
    @Bean
    @ConditionalOnMissingBean(EventBus.class)
    EmbeddedEventStore eventStore(
            EventStorageEngine storageEngine,
            Configuration configuration,
            @Value("${rasad.event-store.fetch-delay:PT0.1S}") Duration fetchDelay) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(fetchDelay.toMillis())
                .build();
    }

    /** Axon's own: correlation and trace ids. Declared here because declaring any provider replaces it. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /**
     * Who, in which role, for whom, why, under which request, when it happened and whether it was imported:
     * copied from each command to its events.
     */
    @Bean
    CorrelationDataProvider auditTrailProvider() {
        return new SimpleCorrelationDataProvider(
                AuditMetaData.ACTOR,
                AuditMetaData.ACTOR_ROLE,
                AuditMetaData.ON_BEHALF_OF,
                AuditMetaData.REASON,
                AuditMetaData.REQUEST_ID,
                AuditMetaData.OCCURRED_AT,
                AuditMetaData.IMPORTED_FROM);
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
