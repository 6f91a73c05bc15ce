package rasad.eventstore.mongo;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import rasad.eventstore.embedded.EmbeddedMongoSettings;

/**
 * Which MongoDB Rasad uses. With no {@code uri} (environment: MONGODB_URI) the embedded server is started
 * or joined; with one, nothing embedded starts.
 */
@ConfigurationProperties("rasad.mongodb")
public class RasadMongoProperties {

    private String uri = "";
    private String database = "rasad";
    private final Embedded embedded = new Embedded();

    public String getUri() {
        return uri;
    }

    public void setUri(String uri) {
        this.uri = uri;
    }

    public String getDatabase() {
        return database;
    }

    public void setDatabase(String database) {
        this.database = database;
    }

    public Embedded getEmbedded() {
        return embedded;
    }

    public boolean isEmbedded() {
        return uri == null || uri.isBlank();
    }

    public static class Embedded {
        private int port = EmbeddedMongoSettings.DEFAULT_PORT;
        private Path dataDir = Path.of("data");
        private EmbeddedMongoSettings.Backend backend = EmbeddedMongoSettings.Backend.H2;

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public Path getDataDir() {
            return dataDir;
        }

        public void setDataDir(Path dataDir) {
            this.dataDir = dataDir;
        }

        public EmbeddedMongoSettings.Backend getBackend() {
            return backend;
        }

        public void setBackend(EmbeddedMongoSettings.Backend backend) {
            this.backend = backend;
        }

        EmbeddedMongoSettings settings() {
            return new EmbeddedMongoSettings(port, dataDir, backend);
        }
    }
}
