package rasad.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given the embedded identity provider beside both sides, as {@code ./run.sh} starts them, when a bank officer
 * signs in through the pages' client (authorization code with PKCE, as a browser walks it) and a machine asks
 * with client credentials, then both sides accept their tokens: the grant is recorded as the officer's for
 * their bank and read back with the same token, another bank's grant is refused, and the machine, an admin,
 * reads what only admins read.
 */
class SignInEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REDIRECT = "http://127.0.0.1:8080/login/oauth2/code/rasad";

    @TempDir
    static Path dataDir;

    static Process identity;
    static String issuer;
    static RasadCluster rasad;

    /** The provider as its own process, from the jar {@code ./run.sh} starts (built before this module). */
    @BeforeAll
    static void startRasadWithItsProvider() throws Exception {
        int identityPort = EmbeddedDefaultEndToEndTest.freePort();
        issuer = "http://127.0.0.1:" + identityPort;
        Path jar = Path.of("..", "identity", "target", "identity-exec.jar").toAbsolutePath();
        assertThat(jar).as("built by the identity module's package phase").exists();
        int mongoPort = EmbeddedDefaultEndToEndTest.freePort();
        rasad = RasadCluster.embedded(mongoPort, dataDir, "memory", Map.of("rasad.access.tokens.issuer", issuer));
        // the provider reads the staff register from the same MongoDB, as ./run.sh starts it
        identity = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-Xmx256m",
                        "-jar",
                        jar.toString(),
                        "--server.port=" + identityPort,
                        "--rasad.identity.issuer=" + issuer,
                        "--rasad.identity.key-dir=" + dataDir.resolve("identity-keys"),
                        "--rasad.mongodb.embedded.port=" + mongoPort,
                        "--rasad.mongodb.embedded.data-dir=" + dataDir,
                        "--rasad.mongodb.embedded.backend=memory")
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("identity.log").toFile())
                .start();
        await().atMost(Duration.ofSeconds(90))
                .ignoreExceptions()
                .until(() -> send(HttpRequest.newBuilder(URI.create(issuer + "/actuator/health/readiness")))
                                .statusCode()
                        == 200);
    }

    @AfterAll
    static void stop() throws Exception {
        if (rasad != null) {
            rasad.close();
        }
        if (identity != null) {
            identity.destroy();
            identity.waitFor();
        }
    }

    @Test
    void a_bank_officer_signs_in_and_both_sides_accept_the_token_within_their_bank() throws Exception {
        String token = signIn("bank-officer", "bank-officer");

        HttpResponse<String> granted = send(bearer(token, rasad.commandUrl() + "/api/facilities")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        RasadHttp.grant("signed-in-1", "0499370899", "tabriz", "bank-melli"))));
        HttpResponse<String> otherBank = send(bearer(token, rasad.commandUrl() + "/api/facilities")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        RasadHttp.grant("signed-in-2", "0013542419", "tabriz", "bank-sepah"))));

        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
        assertThat(otherBank.statusCode()).as(otherBank.body()).isEqualTo(403);
        JsonNode facility = JSON.readTree(await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> send(bearer(token, rasad.queryUrl() + "/api/facilities/signed-in-1")
                                .GET()),
                        read -> read.statusCode() == 200)
                .body());
        assertThat(facility.get("grantedBy").asText()).isEqualTo("bank-officer");
    }

    @Test
    void an_admin_gives_a_new_officer_an_account_and_retiring_her_shuts_her_out_of_both_sides() throws Exception {
        // given: an admin registers a new bank officer and sets her password
        String admin = machineToken();
        HttpResponse<String> registered = send(bearer(admin, rasad.commandUrl() + "/api/staff/officer-leila")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"displayName\": \"لیلا احمدی\", \"role\": \"bank-officer\", \"bank\": \"bank-sepah\"}")));
        HttpResponse<String> password = send(bearer(admin, rasad.commandUrl() + "/api/staff/officer-leila/password")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"password\": \"sepah-tabriz-branch-12\", \"reason\": \"joined the Tabriz branch\"}")));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        assertThat(password.statusCode()).as(password.body()).isEqualTo(204);

        // when she signs in with it, then she grants for her bank and reads it back
        JsonNode tokens = signedIn("officer-leila", "sepah-tabriz-branch-12");
        String officer = tokens.get("access_token").asText();
        HttpResponse<String> granted = send(bearer(officer, rasad.commandUrl() + "/api/facilities")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        RasadHttp.grant("leila-1", "0013542419", "tabriz", "bank-sepah"))));
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> send(bearer(officer, rasad.queryUrl() + "/api/facilities/leila-1")
                                        .GET())
                                .statusCode(),
                        status -> status == 200);

        // when the admin retires her, then her unexpired token is refused on both sides and cannot be refreshed
        HttpResponse<String> retired = send(bearer(admin, rasad.commandUrl() + "/api/staff/officer-leila/retirement")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"left the bank\"}")));
        assertThat(retired.statusCode()).as(retired.body()).isEqualTo(204);
        HttpResponse<String> afterwards = send(bearer(officer, rasad.commandUrl() + "/api/facilities")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        RasadHttp.grant("leila-2", "0499370899", "tabriz", "bank-sepah"))));
        assertThat(afterwards.statusCode()).as(afterwards.body()).isEqualTo(401);
        assertThat(afterwards.body()).contains("retired from the staff register");
        HttpResponse<String> reading = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> send(bearer(officer, rasad.queryUrl() + "/api/facilities/leila-1")
                                .GET()),
                        read -> read.statusCode() == 401);
        assertThat(reading.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(reading.body()).contains("retired from the staff register");
        HttpResponse<String> refreshed = send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Authorization", basic("rasad-web", "rasad-web"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "grant_type",
                        "refresh_token",
                        "refresh_token",
                        tokens.get("refresh_token").asText())))));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(400);
        assertThat(refreshed.body()).contains("invalid_grant");
    }

    @Test
    void a_machine_with_client_credentials_acts_as_the_admin_it_is_registered_as() throws Exception {
        String machine = machineToken();
        String officer = signIn("bank-officer", "bank-officer");

        assertThat(send(bearer(machine, rasad.queryUrl() + "/api/processors").GET())
                        .statusCode())
                .isEqualTo(200);
        assertThat(send(bearer(machine, rasad.commandUrl() + "/actuator/prometheus")
                                .GET())
                        .statusCode())
                .isEqualTo(200);
        assertThat(send(bearer(officer, rasad.commandUrl() + "/actuator/prometheus")
                                .GET())
                        .statusCode())
                .isEqualTo(403);
    }

    private static String machineToken() throws Exception {
        HttpResponse<String> issued = send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Authorization", basic("demo-loader", "demo-loader"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        return JSON.readTree(issued.body()).get("access_token").asText();
    }

    private static String signIn(String user, String password) throws Exception {
        return signedIn(user, password).get("access_token").asText();
    }

    /** A browser's walk: authorize, the login form, back to authorize, the code; then the code for tokens. */
    private static JsonNode signedIn(String user, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
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
        authorize.put("code_challenge", challenge);
        authorize.put("code_challenge_method", "S256");
        browser.send(
                HttpRequest.newBuilder(URI.create(issuer + "/oauth2/authorize?" + form(authorize)))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String page = browser.send(
                        HttpRequest.newBuilder(URI.create(issuer + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"")
                .matcher(page);
        assertThat(csrf.find()).as(page).isTrue();
        HttpResponse<String> signedIn = browser.send(
                HttpRequest.newBuilder(URI.create(issuer + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                form(Map.of("username", user, "password", password, "_csrf", csrf.group(1)))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> back = browser.send(
                HttpRequest.newBuilder(URI.create(
                                signedIn.headers().firstValue("Location").orElseThrow()))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = back.headers().firstValue("Location").orElseThrow();
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        assertThat(code.find()).as(location).isTrue();
        HttpResponse<String> tokens = send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
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
        return JSON.readTree(tokens.body());
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
