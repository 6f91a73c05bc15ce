package rasad.query.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import rasad.eventstore.axon.AxonOnMongoAutoConfiguration.SealKeyLocation;
import rasad.eventstore.engine.EventStoreCollections;
import rasad.eventstore.integrity.EventStoreVerifier;
import rasad.eventstore.integrity.SealKeys;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    /**
     * Seals are checked with the public keys in the trusted key directory, read again at every verification
     * (a rotated key is trusted as soon as its public half is there), never with the copies in the database.
     */
    @Bean
    EventStoreVerifier eventStoreVerifier(EventStoreCollections collections, SealKeyLocation location) {
        return new EventStoreVerifier(collections, () -> SealKeys.publicKeysIn(location.trustedKeyDirectory()));
    }
}
