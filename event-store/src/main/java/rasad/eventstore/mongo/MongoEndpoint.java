package rasad.eventstore.mongo;

import com.mongodb.ConnectionString;
import rasad.eventstore.embedded.EmbeddedMongoServer;

/**
 * The MongoDB this process talks to: the one MONGODB_URI names, or the embedded server, which this process
 * may own (and stops on close) or have joined.
 */
public final class MongoEndpoint implements AutoCloseable {

    private final ConnectionString connectionString;
    private final EmbeddedMongoServer embeddedServer;

    private MongoEndpoint(ConnectionString connectionString, EmbeddedMongoServer embeddedServer) {
        this.connectionString = connectionString;
        this.embeddedServer = embeddedServer;
    }

    static MongoEndpoint resolve(RasadMongoProperties properties) {
        if (!properties.isEmbedded()) {
            return new MongoEndpoint(new ConnectionString(properties.getUri()), null);
        }
        EmbeddedMongoServer server =
                EmbeddedMongoServer.startOrJoin(properties.getEmbedded().settings());
        return new MongoEndpoint(new ConnectionString(server.connectionString()), server);
    }

    public ConnectionString connectionString() {
        return connectionString;
    }

    public boolean isEmbedded() {
        return embeddedServer != null;
    }

    /** The database named in the URI, else the configured one. */
    public String databaseName(RasadMongoProperties properties) {
        String fromUri = connectionString.getDatabase();
        return fromUri != null && !fromUri.isBlank() ? fromUri : properties.getDatabase();
    }

    /** Hosts only, never credentials: safe to log and to show in health details. */
    public String describe() {
        return String.join(",", connectionString.getHosts())
                + (isEmbedded() ? " (embedded, " + embeddedServer.description() + ")" : "");
    }

    @Override
    public void close() {
        if (embeddedServer != null) {
            embeddedServer.close();
        }
    }
}
