package rasad.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * How the loader signs its requests: a token from the identity provider by client credentials, as any machine
 * does (fetched again before it expires, or when the API refuses it), or HTTP Basic as a demo user.
 */
interface Credentials {

    /** The Authorization header's value. */
    String authorization();

    /** The API refused the last value: forget it. */
    default void refused() {}

    static Credentials basic(String user, String password) {
        String value =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return () -> value;
    }

    static Credentials clientCredentials(String tokenUrl, String client, String secret) {
        return new ClientCredentials(URI.create(tokenUrl), client, secret);
    }

    /** A token by the client credentials grant (RFC 6749 §4.4), kept until a minute before it expires. */
    final class ClientCredentials implements Credentials {

        private static final Duration MARGIN = Duration.ofMinutes(1);

        private final URI tokenUrl;
        private final String clientAuthorization;
        private final HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private final ObjectMapper json = new ObjectMapper();
        private String token;
        private Instant renewAt = Instant.MIN;

        ClientCredentials(URI tokenUrl, String client, String secret) {
            this.tokenUrl = tokenUrl;
            this.clientAuthorization = "Basic "
                    + Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public synchronized String authorization() {
            if (token == null || Instant.now().isAfter(renewAt)) {
                fetch();
            }
            return "Bearer " + token;
        }

        @Override
        public synchronized void refused() {
            token = null;
        }

        private void fetch() {
            HttpRequest request = HttpRequest.newBuilder(tokenUrl)
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", clientAuthorization)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                    .build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new CommandApiClient.DemoLoadFailed("the identity provider at " + tokenUrl
                            + " gave no token: " + response.statusCode() + " " + response.body());
                }
                JsonNode answer = json.readTree(response.body());
                token = answer.get("access_token").asText();
                Duration lifetime = Duration.ofSeconds(answer.path("expires_in").asLong(300));
                renewAt = Instant.now()
                        .plus(
                                lifetime.compareTo(MARGIN.multipliedBy(2)) > 0
                                        ? lifetime.minus(MARGIN)
                                        : lifetime.dividedBy(2));
            } catch (IOException unreachable) {
                throw new CommandApiClient.DemoLoadFailed(
                        "cannot reach the identity provider at " + tokenUrl + ": " + unreachable);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new CommandApiClient.DemoLoadFailed("interrupted");
            }
        }
    }
}
