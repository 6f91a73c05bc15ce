package rasad.eventstore.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import rasad.eventstore.embedded.EmbeddedMongoServer;
import rasad.eventstore.embedded.EmbeddedMongoSettings;

class PositionCounterTest {

    @Test
    void concurrent_reservations_never_overlap() throws Exception {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(
                        new EmbeddedMongoSettings(0, Path.of("unused"), EmbeddedMongoSettings.Backend.MEMORY));
                MongoClient client = MongoClients.create(server.connectionString())) {
            PositionCounter counter =
                    new PositionCounter(client.getDatabase("c").getCollection("event_positions"));
            counter.reserve(1); // the collection and its counter exist before the race
            Set<Long> taken = ConcurrentHashMap.newKeySet();
            taken.add(1L);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> all = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                all.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        int count = 1 + i % 3;
                        long first = counter.reserve(count);
                        for (long p = first; p < first + count; p++) {
                            assertThat(taken.add(p))
                                    .as("position " + p + " handed out twice")
                                    .isTrue();
                        }
                    }
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
            pool.shutdown();
            assertThat(counter.head()).isEqualTo(taken.size());
        }
    }
}
