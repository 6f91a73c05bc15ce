package rasad.endtoend;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import rasad.command.CommandSideApplication;
import rasad.query.QuerySideApplication;

/**
 * Both sides of Rasad, each its own Spring application on a random port, started in this JVM the way their
 * main methods start them, sharing one MongoDB. The query side starts first: with the embedded default it
 * owns the database and the command side joins it.
 */
final class RasadCluster implements AutoCloseable {

    private final ConfigurableApplicationContext querySide;
    private final List<ConfigurableApplicationContext> extraQuerySides = new ArrayList<>();
    private final List<ConfigurableApplicationContext> extraCommandSides = new ArrayList<>();
    private final ConfigurableApplicationContext commandSide;
    private final Map<String, Object> mongoProperties;

    private RasadCluster(Map<String, Object> mongoProperties) {
        this.mongoProperties = mongoProperties;
        this.querySide = startQuerySide();
        this.commandSide = CommandSideApplication.builder()
                .run(arguments(
                        mongoProperties, Map.of("rasad.links.query-side", "http://127.0.0.1:" + port(querySide))));
    }

    /** On the embedded default: the embedded server on the given port and data directory. */
    static RasadCluster embedded(int mongoPort, Path dataDir, String backend) {
        return embedded(mongoPort, dataDir, backend, Map.of());
    }

    /** The same, with more settings for both sides. */
    static RasadCluster embedded(int mongoPort, Path dataDir, String backend, Map<String, Object> more) {
        Map<String, Object> properties = new HashMap<>(more);
        properties.put("rasad.mongodb.embedded.port", mongoPort);
        properties.put("rasad.mongodb.embedded.data-dir", dataDir.toString());
        properties.put("rasad.mongodb.embedded.backend", backend);
        return new RasadCluster(Map.copyOf(properties));
    }

    /** Against a real MongoDB: nothing embedded starts, and demo users must be asked for. */
    static RasadCluster onMongoDb(String uri) {
        return new RasadCluster(Map.of("rasad.mongodb.uri", uri, "rasad.access.demo-users", "on"));
    }

    private ConfigurableApplicationContext startQuerySide() {
        return QuerySideApplication.builder().run(arguments(mongoProperties, Map.of()));
    }

    /**
     * As command-line arguments, the way an operator overrides settings, so that they outrank every default
     * (builder properties would rank below the defaults files).
     */
    private static String[] arguments(Map<String, Object> mongo, Map<String, Object> more) {
        List<String> arguments = new ArrayList<>();
        arguments.add("--server.port=0");
        mongo.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        more.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        return arguments.toArray(String[]::new);
    }

    /** Another query-side instance on the same database, as a second container would be. */
    ConfigurableApplicationContext startAnotherQuerySide() {
        ConfigurableApplicationContext another = startQuerySide();
        extraQuerySides.add(another);
        return another;
    }

    /** Another command-side instance on the same database, as a second container would be. */
    String startAnotherCommandSide() {
        ConfigurableApplicationContext another = CommandSideApplication.builder()
                .run(arguments(
                        mongoProperties, Map.of("rasad.links.query-side", "http://127.0.0.1:" + port(querySide))));
        extraCommandSides.add(another);
        return "http://127.0.0.1:" + port(another);
    }

    String commandUrl() {
        return "http://127.0.0.1:" + port(commandSide);
    }

    String queryUrl() {
        return "http://127.0.0.1:" + port(querySide);
    }

    ConfigurableApplicationContext commandSide() {
        return commandSide;
    }

    ConfigurableApplicationContext querySide() {
        return querySide;
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Command side first: with the embedded default the query side owns the database. */
    @Override
    public void close() {
        extraCommandSides.forEach(ConfigurableApplicationContext::close);
        commandSide.close();
        extraQuerySides.forEach(ConfigurableApplicationContext::close);
        querySide.close();
    }
}
