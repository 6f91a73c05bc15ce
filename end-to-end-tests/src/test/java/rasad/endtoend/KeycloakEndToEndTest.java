package rasad.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given a real Keycloak (the distribution from Maven Central, on loopback) with the realm export of
 * {@code docker/keycloak}, and Rasad pointed at its realm — nothing else changed — when a bank officer signs in
 * through Keycloak's own login page (authorization code with PKCE) and a machine asks with client credentials,
 * then both sides accept the tokens with the role and organisation Keycloak's mappers put in them. Keycloak needs
 * a JDK 21 or newer: without one on this machine the test is skipped, saying so.
 */
class KeycloakEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REDIRECT = "http://127.0.0.1:8080/login/oauth2/code/rasad";
    private static final Path REALM = Path.of("..", "docker", "keycloak", "rasad-realm.json");

    @TempDir
    static Path dataDir;

    static Process keycloak;
    static String issuer;
    static RasadCluster rasad;

    @BeforeAll
    static void startKeycloakAndRasad() throws Exception {
        Optional<Path> javaHome = newerJdk();
        Assumptions.assumeTrue(
                javaHome.isPresent(),
                "Keycloak needs a JDK 21 or newer; none in RASAD_KEYCLOAK_JAVA_HOME or /usr/lib/jvm");
        Path home = distribution();
        Files.createDirectories(home.resolve("data/import"));
        Files.copy(
                REALM, home.resolve("data/import/rasad-realm.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        int port = EmbeddedDefaultEndToEndTest.freePort();
        issuer = "http://127.0.0.1:" + port + "/realms/rasad";
        ProcessBuilder start = new ProcessBuilder(
                        home.resolve("bin/kc.sh").toString(),
                        "start-dev",
                        "--db=dev-mem",
                        "--http-host=127.0.0.1",
                        "--http-port=" + port,
                        "--import-realm")
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("keycloak.log").toFile());
        start.environment().put("JAVA_HOME", javaHome.get().toString());
        start.environment().put("JAVA_OPTS_APPEND", "-Xmx512m");
        keycloak = start.start();
        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> {
                    assertThat(keycloak.isAlive())
                            .as("Keycloak is running (see keycloak.log)")
                            .isTrue();
                    return send(HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration")))
                                    .statusCode()
                            == 200;
                });
        rasad = RasadCluster.embedded(
                EmbeddedDefaultEndToEndTest.freePort(),
                dataDir,
                "memory",
                Map.of("rasad.access.tokens.issuer", issuer));
    }

    @AfterAll
    static void stop() throws Exception {
        if (rasad != null) {
            rasad.close();
        }
        if (keycloak != null) {
            keycloak.destroy();
            keycloak.waitFor();
        }
    }

    @Test
    void a_bank_officer_signed_in_at_keycloak_grants_for_her_bank_and_not_for_another() throws Exception {
        String token = signIn("bank-officer", "bank-officer");

        HttpResponse<String> granted = send(bearer(token, rasad.commandUrl() + "/api/facilities")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        RasadHttp.grant("keycloak-1", "0499370899", "tabriz", "bank-melli"))));
        HttpResponse<String> otherBank = send(bearer(token, rasad.commandUrl() + "/api/facilities")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        RasadHttp.grant("keycloak-2", "0013542419", "tabriz", "bank-sepah"))));

        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
        assertThat(otherBank.statusCode()).as(otherBank.body()).isEqualTo(403);
        JsonNode facility = JSON.readTree(await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> send(bearer(token, rasad.queryUrl() + "/api/facilities/keycloak-1")
                                .GET()),
                        read -> read.statusCode() == 200)
                .body());
        assertThat(facility.get("grantedBy").asText()).isEqualTo("bank-officer");
    }

    @Test
    void a_machine_with_keycloak_client_credentials_reads_what_admins_read() throws Exception {
        HttpResponse<String> issued = send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Authorization", basic("demo-loader", "demo-loader"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        String machine = JSON.readTree(issued.body()).get("access_token").asText();

        assertThat(send(bearer(machine, rasad.queryUrl() + "/api/processors").GET())
                        .statusCode())
                .isEqualTo(200);
        assertThat(send(bearer(machine + "x", rasad.queryUrl() + "/api/processors")
                                .GET())
                        .statusCode())
                .isEqualTo(401);
    }

    /**
     * A browser's walk through Keycloak's login page. Keycloak marks its cookies Secure, which Java's cookie
     * manager keeps off plain HTTP (browsers make an exception for loopback), so the walk carries them itself.
     */
    private static String signIn(String user, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        Map<String, String> cookies = new LinkedHashMap<>();
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String challenge = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        Map<String, String> authorize = new LinkedHashMap<>();
        authorize.put("response_type", "code");
        authorize.put("client_id", "rasad-web");
        authorize.put("redirect_uri", REDIRECT);
        authorize.put("scope", "openid");
        authorize.put("state", "k-1");
        authorize.put("code_challenge", challenge);
        authorize.put("code_challenge_method", "S256");
        HttpResponse<String> page = walk(
                browser,
                cookies,
                HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/auth?" + form(authorize))));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Matcher action = Pattern.compile("<form id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"")
                .matcher(page.body());
        assertThat(action.find()).as(page.body()).isTrue();
        HttpResponse<String> signedIn = walk(
                browser,
                cookies,
                HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                form(Map.of("username", user, "password", password, "credentialId", "")))));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        String location = signedIn.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT).contains("state=k-1");
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        assertThat(code.find()).as(location).isTrue();
        HttpResponse<String> tokens = send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Authorization", basic("rasad-web", "rasad-web"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        URLDecoder.decode(code.group(1), StandardCharsets.UTF_8),
                        "redirect_uri",
                        REDIRECT,
                        "code_verifier",
                        verifier)))));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return JSON.readTree(tokens.body()).get("access_token").asText();
    }

    private static HttpResponse<String> walk(HttpClient browser, Map<String, String> cookies, HttpRequest.Builder step)
            throws Exception {
        if (!cookies.isEmpty()) {
            step.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                            .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> answer = browser.send(step.build(), HttpResponse.BodyHandlers.ofString());
        for (String set : answer.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int equals = pair.indexOf('=');
            if (equals > 0) {
                cookies.put(pair.substring(0, equals).trim(), pair.substring(equals + 1));
            }
        }
        return answer;
    }

    /** The unpacked distribution (end-to-end-tests' build unpacks it from Maven Central). */
    private static Path distribution() throws IOException {
        try (Stream<Path> unpacked = Files.list(Path.of("target", "keycloak"))) {
            return unpacked.filter(dir -> Files.isExecutable(dir.resolve("bin/kc.sh")))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no Keycloak under target/keycloak: run the build"));
        }
    }

    /** A JDK that Keycloak runs on: RASAD_KEYCLOAK_JAVA_HOME, else the newest 21+ under /usr/lib/jvm. */
    static Optional<Path> newerJdk() throws IOException {
        String configured = System.getenv("RASAD_KEYCLOAK_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> installed = Files.list(jvms)) {
            return installed
                    .filter(jdk -> Files.isExecutable(jdk.resolve("bin/java")))
                    .filter(jdk -> major(jdk) >= 21)
                    .max((a, b) -> Integer.compare(major(a), major(b)));
        }
    }

    private static int major(Path jdk) {
        Properties release = new Properties();
        try (var in = Files.newInputStream(jdk.resolve("release"))) {
            release.load(in);
        } catch (IOException noRelease) {
            return 0;
        }
        String version = release.getProperty("JAVA_VERSION", "\"0\"").replace("\"", "");
        try {
            return Integer.parseInt(version.split("\\.")[0]);
        } catch (NumberFormatException odd) {
            return 0;
        }
    }

    private static HttpRequest.Builder bearer(String token, String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
