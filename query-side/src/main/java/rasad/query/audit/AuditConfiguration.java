package rasad.query.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import rasad.eventstore.engine.EventStoreCollections;
import rasad.eventstore.integrity.EventStoreVerifier;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    EventStoreVerifier eventStoreVerifier(EventStoreCollections collections) {
        return new EventStoreVerifier(collections);
    }
}
