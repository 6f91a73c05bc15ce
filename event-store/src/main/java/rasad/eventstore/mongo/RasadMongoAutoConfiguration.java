package rasad.eventstore.mongo;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;

/**
 * One MongoClient per process, through the official driver, to MONGODB_URI or to the embedded server.
 * Replaces Spring Boot's own Mongo client so that nothing ever dials the driver's default localhost:27017.
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@EnableConfigurationProperties(RasadMongoProperties.class)
@PropertySource("classpath:rasad-event-store-defaults.properties")
public class RasadMongoAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RasadMongoAutoConfiguration.class);

    @Bean(destroyMethod = "close")
    MongoEndpoint mongoEndpoint(RasadMongoProperties properties) {
        MongoEndpoint endpoint = MongoEndpoint.resolve(properties);
        log.info("MongoDB: {}", endpoint.describe());
        return endpoint;
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoEndpoint endpoint, @Value("${spring.application.name:rasad}") String applicationName) {
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(endpoint.connectionString())
                .applicationName(applicationName)
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(15, TimeUnit.SECONDS))
                .build();
        return MongoClients.create(settings);
    }

    @Bean
    MongoDatabase rasadDatabase(MongoClient client, MongoEndpoint endpoint, RasadMongoProperties properties) {
        return client.getDatabase(endpoint.databaseName(properties));
    }

    @Bean(name = "mongoHealthIndicator")
    MongoPingHealthIndicator mongoHealthIndicator(MongoDatabase database, MongoEndpoint endpoint) {
        return new MongoPingHealthIndicator(database, endpoint);
    }
}
