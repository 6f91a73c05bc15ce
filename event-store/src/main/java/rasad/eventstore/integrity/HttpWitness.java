package rasad.eventstore.integrity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A witness another organisation keeps (the province's inspectorate, a court's registry): each seal's entry
 * is POSTed to its URL as JSON. Off unless configured: Rasad calls no host it was not told to.
 */
public final class HttpWitness implements SealWitness {

    private final URI endpoint;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public HttpWitness(URI endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public void witness(Seal seal) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(FileWitness.line(seal)))
                .build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("the witness at " + endpoint + " answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("the witness at " + endpoint + " could not be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while witnessing a seal", e);
        }
    }
}
