package rasad.eventstore.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The witness another organisation keeps receives each seal's entry over real HTTP (on loopback). */
class HttpWitnessTest {

    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile int status = 201;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/seals", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/seals");
    }

    private static Seal seal() {
        return new Seal(
                7,
                6145,
                7168,
                List.of("a", "b"),
                "root",
                "previous",
                "chained",
                "2026-12-03T10:00:00Z",
                "seal-1",
                "c2lnbmF0dXJl");
    }

    @Test
    void each_seal_is_posted_as_one_json_entry_without_its_leaves() throws Exception {
        new HttpWitness(endpoint()).witness(seal());

        assertThat(received).hasSize(1);
        JsonNode entry = new ObjectMapper().readTree(received.get(0));
        assertThat(entry.get("block").asLong()).isEqualTo(7);
        assertThat(entry.get("chained").asText()).isEqualTo("chained");
        assertThat(entry.get("signature").asText()).isEqualTo("c2lnbmF0dXJl");
        assertThat(entry.has("leaves")).isFalse();
    }

    @Test
    void a_witness_that_refuses_is_an_error_the_sealer_counts() {
        status = 500;
        assertThatThrownBy(() -> new HttpWitness(endpoint()).witness(seal())).hasMessageContaining("answered 500");
    }
}
