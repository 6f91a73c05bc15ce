package rasad.eventstore.embedded;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the embedded MongoDB listens and keeps its data.
 *
 * @param port    TCP port on 127.0.0.1; 0 picks a free one
 * @param dataDir directory of the H2 data file
 * @param backend H2 keeps data across restarts; MEMORY is for tests that need none
 */
public record EmbeddedMongoSettings(int port, Path dataDir, Backend backend) {

    public static final int DEFAULT_PORT = 27217;

    public enum Backend {
        H2,
        MEMORY
    }

    public EmbeddedMongoSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(backend, "backend");
    }
}
