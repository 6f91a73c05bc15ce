package rasad.eventstore.embedded;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded MongoDB as a process of its own, so that the run command can start and stop the
 * database independently of the two sides. Settings come from the same environment variables the sides
 * read: RASAD_MONGO_PORT and RASAD_DATA_DIR.
 */
public final class EmbeddedMongoMain {

    private EmbeddedMongoMain() {}

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(env("RASAD_MONGO_PORT", String.valueOf(EmbeddedMongoSettings.DEFAULT_PORT)));
        Path dataDir = Path.of(env("RASAD_DATA_DIR", "data"));
        EmbeddedMongoServer server =
                EmbeddedMongoServer.start(new EmbeddedMongoSettings(port, dataDir, EmbeddedMongoSettings.Backend.H2));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            stopped.countDown();
                        },
                        "embedded-mongo-shutdown"));
        System.out.println(
                "Embedded MongoDB ready at " + server.connectionString() + " (" + server.description() + ")");
        stopped.await();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
