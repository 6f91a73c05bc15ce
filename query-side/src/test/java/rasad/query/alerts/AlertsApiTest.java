package rasad.query.alerts;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import rasad.eventstore.engine.ProcessingProgress;
import rasad.eventstore.engine.RasadEventStorageEngine;
import rasad.kernel.alerts.AlertRaised;
import rasad.kernel.alerts.AlertRule;
import rasad.kernel.alerts.AlertSubject;
import rasad.kernel.alerts.Evidence;
import rasad.kernel.alerts.Severity;
import rasad.kernel.audit.AuditMetaData;
import rasad.kernel.operations.ReadModelRebuildRequested;
import rasad.kernel.operations.RebuildId;
import rasad.kernel.referencedata.LocalizedName;
import rasad.kernel.referencedata.ReferenceEntryAdded;
import rasad.kernel.referencedata.ReferenceEntryId;
import rasad.kernel.referencedata.ReferenceKind;
import rasad.query.QuerySideApplication;

/**
 * The alerts API over real HTTP, on the real driver against an embedded server of its own (memory backend,
 * free port): events are published into the real event store, the tracking processors project them, and
 * demo users (password = name) ask. One application context, shared by every test class extending this one;
 * each test keeps to its own agency or facilities so that tests do not see each other's alerts.
 */
@SpringBootTest(
        classes = QuerySideApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=query-side",
            "rasad.mongodb.embedded.port=0",
            "rasad.mongodb.embedded.backend=memory"
        })
public abstract class AlertsApiTest {

    protected static final ObjectMapper JSON = new ObjectMapper();
    protected static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    @Autowired
    protected EventStore eventStore;

    @Autowired
    protected RasadEventStorageEngine engine;

    @Autowired
    protected EventProcessingConfiguration processing;

    public record Response(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    /** GETs as a demo user (password = name). */
    protected Response get(String user, String path) {
        return send(
                user,
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .GET());
    }

    /** GETs as a demo user, asking for a language as a browser does. */
    protected Response get(String user, String path, String acceptLanguage) {
        return send(
                user,
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Accept-Language", acceptLanguage)
                        .GET());
    }

    /** GETs a download (a PDF) as a demo user: its status, type and bytes. */
    protected HttpResponse<byte[]> download(String user, String path) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .header(
                                    "Authorization",
                                    "Basic "
                                            + Base64.getEncoder()
                                                    .encodeToString(
                                                            (user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected Response post(String user, String path) {
        return send(
                user,
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")));
    }

    private Response send(String user, HttpRequest.Builder request) {
        request.header(
                "Authorization",
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        try {
            HttpResponse<String> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The alert ids of a list answer, in order. */
    protected static List<String> ids(Response list) {
        List<String> ids = new ArrayList<>();
        list.json().get("items").forEach(item -> ids.add(item.get("alertId").asText()));
        return ids;
    }

    /** Raised by the rules, as the command side's monitoring signs it. */
    protected void raise(
            String alertId, int episode, AlertRule rule, Severity severity, AlertSubject subject, Instant at) {
        publish(
                "Alert",
                alertId,
                new AlertRaised(
                        alertId,
                        episode,
                        rule,
                        severity,
                        subject,
                        rule.detects(),
                        List.of(new Evidence(
                                "evidence-" + alertId, "SmsCheckRecorded", at.minusSeconds(60), "what the rule saw"))),
                at,
                "rasad-monitoring",
                "system",
                "rule " + rule.name());
    }

    /** A triage step by the demo manager. */
    protected void byManager(String alertId, Object event, Instant at) {
        publish("Alert", alertId, event, at, "manager", "manager", "employment-committee");
    }

    /** Appends one event to its aggregate's stream, at the given time, with who, role and for whom. */
    /** Names a code in reference data, as an admin's entry does. */
    protected void name(ReferenceKind kind, String code, String fa, String en) {
        publish(
                "ReferenceEntry",
                kind.name() + "/" + code,
                new ReferenceEntryAdded(new ReferenceEntryId(kind, code), new LocalizedName(fa, en), null, null),
                Instant.now(),
                "admin",
                "admin",
                "rasad-operations");
    }

    protected void publish(
            String aggregateType,
            String aggregateId,
            Object event,
            Instant at,
            String actor,
            String role,
            String onBehalfOf) {
        long sequence =
                engine.lastSequenceNumberFor(aggregateId).map(last -> last + 1).orElse(0L);
        eventStore.publish(new GenericDomainEventMessage<>(
                aggregateType,
                aggregateId,
                sequence,
                event,
                Map.of(
                        AuditMetaData.ACTOR,
                        actor,
                        AuditMetaData.ACTOR_ROLE,
                        role,
                        AuditMetaData.ON_BEHALF_OF,
                        onBehalfOf),
                UUID.randomUUID().toString(),
                at));
    }

    /** An admin's rebuild request, as the command side records it. */
    protected void requestRebuild(String rebuildId, String readModel, String reason) {
        eventStore.publish(new GenericDomainEventMessage<>(
                "ReadModelRebuild",
                "read-model-rebuild/" + rebuildId,
                0,
                new ReadModelRebuildRequested(RebuildId.of(rebuildId), readModel, reason),
                Map.of(
                        AuditMetaData.ACTOR,
                        "admin",
                        AuditMetaData.ACTOR_ROLE,
                        "admin",
                        AuditMetaData.ON_BEHALF_OF,
                        "rasad-operations",
                        AuditMetaData.REASON,
                        reason),
                UUID.randomUUID().toString(),
                Instant.now()));
    }

    /** Every tracking processor has read up to the store's head. */
    protected void awaitProjected() {
        long head = engine.headPosition();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> processing.eventProcessors().values().stream()
                        .filter(StreamingEventProcessor.class::isInstance)
                        .map(StreamingEventProcessor.class::cast)
                        .allMatch(processor -> !processor.processingStatus().isEmpty()
                                && processor.processingStatus().values().stream()
                                        .allMatch(status -> ProcessingProgress.of(status.getTrackingToken(), head)
                                                        .position()
                                                >= head)));
    }

    /** 01:00 (plus minutes) in Tehran, so many days ago: its age in Tehran calendar days is exactly that. */
    protected static Instant daysAgo(int days, int minutes) {
        return LocalDate.now(TEHRAN)
                .minusDays(days)
                .atTime(1, minutes)
                .atZone(TEHRAN)
                .toInstant();
    }

    protected static AlertSubject subject(
            String facility, String bank, String county, String agency, String programme) {
        return new AlertSubject(facility, bank, county, agency, programme, "facility " + facility);
    }
}
