package rasad.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * The command API over HTTP, as any client uses it: a token from the identity provider (or HTTP Basic), JSON, an {@code X-Request-Id} derived from
 * what is sent (so a retry is recognised as one) and the reason for the audit trail. Retries a request the
 * server could not take (no connection, 503) or asked to wait for (429, Retry-After); anything else that is not a success stops the load with the
 * problem the server answered.
 */
final class CommandApiClient {

    /** Answers that mean "already recorded": a second run of the loader goes through them. */
    private static final Set<String> ALREADY_DONE = Set.of(
            "STAGE_ALREADY_PASSED",
            "FINDING_ALREADY_DECIDED",
            "REFERENCE_CODE_TAKEN",
            "JOB_ALREADY_COUNTED",
            "VISIT_ID_TAKEN");

    private final URI base;
    private final Credentials credentials;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    CommandApiClient(String baseUrl, Credentials credentials) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.credentials = credentials;
    }

    void post(String path, Object body) {
        send("POST", path, body, null);
    }

    /**
     * An imported record that happened at {@code occurredAt} in the earlier system: its business time, which
     * Rasad's as-of views read. Nothing is said of a time still to come (a follow-up due after today).
     */
    void post(String path, Object body, Instant occurredAt) {
        send("POST", path, body, occurredAt != null && occurredAt.isBefore(Instant.now()) ? occurredAt : null);
    }

    /** A planted attempt, which the server must refuse by the given rule (and keep as evidence). */
    void postRefused(String path, Object body, String rule) {
        byte[] bytes = bytes(body);
        HttpRequest request = request(path, bytes)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        try {
            HttpResponse<String> response = http.send(signed(request), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 409
                    || !rule.equals(json.readTree(response.body()).path("rule").asText())) {
                throw new DemoLoadFailed("POST " + request.uri() + " should have been refused by " + rule
                        + ", but answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException broken) {
            throw new DemoLoadFailed("POST " + request.uri() + " failed: " + broken);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DemoLoadFailed("interrupted");
        }
    }

    void put(String path, Object body) {
        send("PUT", path, body, null);
    }

    /** Stores a file in the evidence store; answers its SHA-256. */
    String upload(String fileName, String contentType, byte[] content) {
        String boundary = "rasad-demo-" + UUID.nameUUIDFromBytes(content);
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        HttpRequest request = request("api/evidence", body)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response = sendWithRetries(request);
        try {
            return json.readTree(response.body()).get("sha256").asText();
        } catch (IOException unreadable) {
            throw new IllegalStateException("the evidence store answered " + response.body(), unreadable);
        }
    }

    private byte[] bytes(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
    }

    private void send(String method, String path, Object body, Instant occurredAt) {
        byte[] bytes = bytes(body);
        HttpRequest.Builder request = request(path, bytes)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (occurredAt != null) {
            request.header("X-Occurred-At", occurredAt.toString());
        }
        sendWithRetries(request.build());
    }

    private HttpRequest.Builder request(String path, byte[] body) {
        String identity = path + "\n" + new String(body, StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("X-Request-Id", "demo-" + UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)))
                .header("X-Reason", "demo%20province")
                // an import of a year's records: late reception is no sign of anything (rule R7)
                .header("X-Imported-From", "demo-province");
    }

    private HttpResponse<String> sendWithRetries(HttpRequest request) {
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = http.send(signed(request), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 401 && attempt < 2) {
                    // a token that expired or whose key was rotated on the way: fetch a new one, once
                    credentials.refused();
                    continue;
                }
                if (status >= 200 && status < 300 || status == 409 && alreadyDone(response.body())) {
                    return response;
                }
                if (status == 429 && attempt < 20) {
                    // past a write allowance: wait as long as Rasad says, then the same request again
                    sleep(1000L
                            * response.headers().firstValueAsLong("Retry-After").orElse(1));
                    continue;
                }
                if (status != 503 || attempt >= 5) {
                    throw new DemoLoadFailed(
                            request.method() + " " + request.uri() + " answered " + status + ": " + response.body());
                }
            } catch (ConnectException | HttpTimeoutException unreachable) {
                if (attempt >= 5) {
                    throw new DemoLoadFailed("cannot reach " + request.uri() + ": " + unreachable);
                }
            } catch (IOException broken) {
                if (attempt >= 5) {
                    throw new DemoLoadFailed(request.method() + " " + request.uri() + " failed: " + broken);
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new DemoLoadFailed("interrupted");
            }
            sleep(200L * attempt);
        }
    }

    private HttpRequest signed(HttpRequest request) {
        return HttpRequest.newBuilder(request, (name, value) -> true)
                .header("Authorization", credentials.authorization())
                .build();
    }

    private boolean alreadyDone(String problem) {
        try {
            return ALREADY_DONE.contains(json.readTree(problem).path("rule").asText());
        } catch (IOException notJson) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The load cannot go on: what was sent, and what the server said. */
    static final class DemoLoadFailed extends RuntimeException {
        DemoLoadFailed(String message) {
            super(message);
        }
    }
}
