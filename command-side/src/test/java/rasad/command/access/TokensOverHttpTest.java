package rasad.command.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import rasad.command.CommandSideApplication;
import rasad.kernel.audit.AuditMetaData;
import rasad.kernel.people.NationalId;

/**
 * Given an identity provider on loopback (its OIDC metadata and signing keys served over real HTTP), when people
 * and machines call the command API with its JWTs, then a good token acts as the person and organisation it
 * names — into the events' metadata — and a token from another issuer, expired, without Rasad's audience, with
 * a tampered or foreign signature, or without a Rasad role is 401 in problem details; the demo users still sign
 * in with Basic on the embedded default.
 */
@SpringBootTest(
        classes = CommandSideApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=command-side",
            "rasad.mongodb.embedded.port=0",
            "rasad.mongodb.embedded.backend=memory",
            "rasad.links.query-side=http://127.0.0.1:18082"
        })
class TokensOverHttpTest {

    private static final RSAKey KEY = key("provider-key-1");
    private static final RSAKey FOREIGN_KEY = key("provider-key-1");
    private static final HttpServer PROVIDER = provider();
    private static final String ISSUER =
            "http://127.0.0.1:" + PROVIDER.getAddress().getPort();
    private static final AtomicInteger PEOPLE = new AtomicInteger(700_000);

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @DynamicPropertySource
    static void tokensFrom(DynamicPropertyRegistry properties) {
        properties.add("rasad.access.tokens.issuer", () -> ISSUER);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.stop(0);
    }

    @Test
    void a_bank_officers_token_grants_for_their_bank_and_the_event_says_who_and_for_whom() throws Exception {
        String token = sign(
                KEY,
                claims -> claims.claim("preferred_username", "officer-maryam")
                        .claim("role", "bank-officer")
                        .claim("bank", "bank-melli"));

        HttpResponse<String> granted = post(token, grant("tok-1", "bank-melli"));
        HttpResponse<String> otherBank = post(token, grant("tok-2", "bank-sepah"));

        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
        Map<String, ?> metaData = eventStore.readEvents("tok-1").next().getMetaData();
        assertThat(metaData.get(AuditMetaData.ACTOR)).isEqualTo("officer-maryam");
        assertThat(metaData.get(AuditMetaData.ACTOR_ROLE)).isEqualTo("bank-officer");
        assertThat(metaData.get(AuditMetaData.ON_BEHALF_OF)).isEqualTo("bank-melli");
        assertThat(otherBank.statusCode()).as(otherBank.body()).isEqualTo(403);
    }

    @Test
    void a_machine_with_a_client_credentials_token_acts_for_its_organisation() throws Exception {
        String token = sign(
                KEY,
                claims ->
                        claims.subject("demo-loader").claim("role", "admin").claim("on_behalf_of", "rasad-operations"));

        HttpResponse<String> granted = post(token, grant("tok-3", "bank-melli"));

        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
        Map<String, ?> metaData = eventStore.readEvents("tok-3").next().getMetaData();
        assertThat(metaData.get(AuditMetaData.ACTOR)).isEqualTo("demo-loader");
        assertThat(metaData.get(AuditMetaData.ON_BEHALF_OF)).isEqualTo("rasad-operations");
    }

    @Test
    void a_token_from_another_issuer_expired_without_the_audience_tampered_or_without_a_role_is_refused()
            throws Exception {
        Map<String, String> refused = Map.of(
                "another issuer",
                sign(KEY, claims -> officer(claims).issuer("http://127.0.0.1:1/elsewhere")),
                "expired",
                sign(
                        KEY,
                        claims -> officer(claims)
                                .issueTime(Date.from(Instant.now().minusSeconds(7200)))
                                .expirationTime(Date.from(Instant.now().minusSeconds(3600)))),
                "no audience",
                sign(KEY, claims -> officer(claims).audience(List.of("another-api"))),
                "signed by a foreign key",
                sign(FOREIGN_KEY, TokensOverHttpTest::officer),
                "tampered",
                tampered(sign(KEY, TokensOverHttpTest::officer)),
                "no Rasad role",
                sign(KEY, claims -> officer(claims).claim("role", "superuser")),
                "not a JWT",
                "abc.def.ghi");
        for (Map.Entry<String, String> token : refused.entrySet()) {
            HttpResponse<String> answer = post(token.getValue(), grant("tok-refused", "bank-melli"));
            assertThat(answer.statusCode())
                    .as(token.getKey() + ": " + answer.body())
                    .isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Type"))
                    .as(token.getKey())
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(answer.body()).as(token.getKey()).contains("urn:rasad:problem:unauthenticated");
            assertThat(answer.headers().allValues("WWW-Authenticate"))
                    .as(token.getKey())
                    .anySatisfy(challenge ->
                            assertThat(challenge).contains("Bearer").contains("invalid_token"));
        }
        assertThat(eventStore.readEvents("tok-refused").hasNext()).isFalse();
    }

    @Test
    void without_credentials_both_ways_in_are_offered_and_the_demo_users_still_use_basic() throws Exception {
        HttpResponse<String> anonymous = post(null, grant("tok-4", "bank-melli"));
        HttpResponse<String> basic = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/facilities"))
                        .header("Content-Type", "application/json")
                        .header(
                                "Authorization",
                                "Basic " + Base64.getEncoder().encodeToString("bank-officer:bank-officer".getBytes()))
                        .POST(HttpRequest.BodyPublishers.ofString(grant("tok-5", "bank-melli")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().allValues("WWW-Authenticate"))
                .anySatisfy(challenge -> assertThat(challenge).startsWith("Bearer"))
                .anySatisfy(challenge -> assertThat(challenge).startsWith("Basic"));
        assertThat(basic.statusCode()).as(basic.body()).isEqualTo(201);
    }

    @Test
    void a_member_retired_from_the_staff_register_is_refused_though_their_token_has_not_expired() throws Exception {
        String token = sign(
                KEY,
                claims -> claims.claim("preferred_username", "officer-retiring")
                        .claim("role", "bank-officer")
                        .claim("bank", "bank-melli"));
        HttpResponse<String> registered = asAdmin("PUT", "/api/staff/officer-retiring", """
                {"displayName": "Officer Retiring", "role": "bank-officer", "bank": "bank-melli"}""");
        HttpResponse<String> retired = asAdmin("POST", "/api/staff/officer-retiring/retirement", """
                {"reason": "left the bank"}""");

        HttpResponse<String> afterwards = post(token, grant("tok-retired", "bank-melli"));

        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        assertThat(retired.statusCode()).as(retired.body()).isEqualTo(204);
        assertThat(afterwards.statusCode()).as(afterwards.body()).isEqualTo(401);
        assertThat(afterwards.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(afterwards.body()).contains("officer-retiring was retired from the staff register");
        assertThat(eventStore.readEvents("tok-retired").hasNext()).isFalse();
    }

    private HttpResponse<String> asAdmin(String method, String path, String json) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", "application/json")
                        .header(
                                "Authorization",
                                "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes()))
                        .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JWTClaimsSet.Builder officer(JWTClaimsSet.Builder claims) {
        return claims.claim("preferred_username", "officer-maryam")
                .claim("role", "bank-officer")
                .claim("bank", "bank-melli");
    }

    /** A token as the provider issues it — its issuer, Rasad's audience, five minutes — changed by {@code claims}. */
    private static String sign(RSAKey key, Consumer<JWTClaimsSet.Builder> claims) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("subject-1")
                .audience(List.of("rasad"))
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)));
        claims.accept(builder);
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), builder.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** The same signature over a payload that says admin instead of bank-officer. */
    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("bank-officer", "admin");
        return parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    private HttpResponse<String> post(String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/facilities"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String grant(String facilityId, String bank) {
        return """
                {"facilityId": "%s", "beneficiary": {"nationalId": "%s", "name": "Reza Azari"},
                 "programme": "HOME_BUSINESS", "bank": "%s", "agency": "relief-committee", "county": "tabriz",
                 "amountRials": 3000000000, "committedJobs": 1, "grantedOn": "2025-03-25"}""".formatted(
                        facilityId,
                        NationalId.completing(String.format("%09d", PEOPLE.incrementAndGet()))
                                .value(),
                        bank);
    }

    private static RSAKey key(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The provider's two documents a resource server reads: its OIDC metadata and its public keys. */
    private static HttpServer provider() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            String issuer = "http://127.0.0.1:" + server.getAddress().getPort();
            serve(server, "/.well-known/openid-configuration", """
                    {"issuer": "%s", "jwks_uri": "%s/jwks", "subject_types_supported": ["public"],
                     "id_token_signing_alg_values_supported": ["RS256"]}""".formatted(issuer, issuer));
            serve(server, "/jwks", new JWKSet(KEY.toPublicJWK()).toString());
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void serve(HttpServer server, String path, String json) {
        server.createContext(path, exchange -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }
}
