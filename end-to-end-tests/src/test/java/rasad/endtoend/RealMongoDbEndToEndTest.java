package rasad.endtoend;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The same flow against a real MongoDB replica set. Skipped, and reported as skipped, where no Docker engine
 * runs (this project's development machines and CI have none).
 */
@Testcontainers(disabledWithoutDocker = true)
class RealMongoDbEndToEndTest extends GrantAndReadBackScenario {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    static RasadCluster rasad;

    @BeforeAll
    static void start() {
        rasad = RasadCluster.onMongoDb(MONGO.getReplicaSetUrl("rasad"));
    }

    @AfterAll
    static void stop() {
        if (rasad != null) {
            rasad.close();
        }
    }

    @Override
    RasadCluster rasad() {
        return rasad;
    }
}
