package rasad.eventstore.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MongoDB stand-in for a machine with only a JDK: mongo-java-server speaking the MongoDB wire protocol on
 * 127.0.0.1, so that Rasad talks to it through the official driver over TCP exactly as it talks to a real
 * MongoDB. Several Rasad processes share one: the first to start owns it, the others join it on the port.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    public static final String LOOPBACK = "127.0.0.1";
    static final String DATA_FILE = "rasad-mongo.mv";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final MongoServer server;
    private final InetSocketAddress address;
    private final String description;

    private EmbeddedMongoServer(MongoServer server, InetSocketAddress address, String description) {
        this.server = server;
        this.address = address;
        this.description = description;
    }

    /** Starts a server owned by this process; fails if the port is taken. */
    public static EmbeddedMongoServer start(EmbeddedMongoSettings settings) {
        MongoBackend backend = openBackend(settings);
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(LOOPBACK, settings.port());
        } catch (Exception bindFailure) { // Netty throws BindException undeclared
            backend.close();
            throw new IllegalStateException(
                    "cannot listen on " + LOOPBACK + ":" + settings.port()
                            + " for the embedded MongoDB: " + bindFailure.getMessage()
                            + " (set RASAD_MONGO_PORT to another port, or MONGODB_URI to use a real MongoDB)",
                    bindFailure);
        }
        InetSocketAddress address = server.getLocalAddress();
        String description = settings.backend() == EmbeddedMongoSettings.Backend.H2
                ? "H2 file " + dataFile(settings)
                : "memory, lost on stop";
        log.info("Embedded MongoDB started on {}:{} ({})", LOOPBACK, address.getPort(), description);
        return new EmbeddedMongoServer(server, address, description);
    }

    /**
     * Joins the embedded server another Rasad process already runs on the port, or starts one. Port 0 always
     * starts a new server on a free port.
     */
    public static EmbeddedMongoServer startOrJoin(EmbeddedMongoSettings settings) {
        if (settings.port() != 0 && isListening(settings.port())) {
            return join(settings.port());
        }
        try {
            return start(settings);
        } catch (IllegalStateException lostTheRace) {
            if (settings.port() != 0 && isListening(settings.port())) {
                return join(settings.port());
            }
            throw lostTheRace;
        }
    }

    private static EmbeddedMongoServer join(int port) {
        log.info("Joined the embedded MongoDB another Rasad process runs on {}:{}", LOOPBACK, port);
        return new EmbeddedMongoServer(null, new InetSocketAddress(LOOPBACK, port), "joined");
    }

    private static MongoBackend openBackend(EmbeddedMongoSettings settings) {
        if (settings.backend() == EmbeddedMongoSettings.Backend.MEMORY) {
            return new MemoryBackend();
        }
        try {
            Files.createDirectories(settings.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + settings.dataDir(), e);
        }
        return new H2Backend(new MVStore.Builder()
                .fileName(dataFile(settings).toString())
                .autoCompactFillRate(COMPACT_BELOW_FILL_PERCENT)
                .open());
    }

    /**
     * H2 rewrites chunks that are less full than this. Its default, 90 %, kept the store's background thread at
     * several per cent of a core for minutes after a load (read models rewrite their documents all the time);
     * at 50 % the file may hold up to twice the live data before it is compacted.
     */
    static final int COMPACT_BELOW_FILL_PERCENT = 50;

    static Path dataFile(EmbeddedMongoSettings settings) {
        return settings.dataDir().toAbsolutePath().normalize().resolve(DATA_FILE);
    }

    private static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 500);
            return true;
        } catch (IOException nothingThere) {
            return false;
        }
    }

    public String connectionString() {
        return "mongodb://" + LOOPBACK + ":" + address.getPort();
    }

    public int port() {
        return address.getPort();
    }

    /** Whether this process runs the server, rather than having joined another's. */
    public boolean isOwner() {
        return server != null;
    }

    public String description() {
        return description;
    }

    /** Stops a server this process owns, flushing the H2 file; leaves a joined one running. */
    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            log.info("Embedded MongoDB on port {} stopped", address.getPort());
        }
    }
}
