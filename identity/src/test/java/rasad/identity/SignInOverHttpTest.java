package rasad.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import rasad.kernel.audit.AuditMetaData;
import rasad.kernel.audit.Role;
import rasad.kernel.people.PersonName;
import rasad.kernel.referencedata.AgencyCode;
import rasad.kernel.staff.PasswordHash;
import rasad.kernel.staff.StaffId;
import rasad.kernel.staff.StaffMemberRegistered;
import rasad.kernel.staff.StaffMemberRetired;
import rasad.kernel.staff.StaffPasswordSet;
import rasad.kernel.staff.StaffScope;

/**
 * Given the embedded provider with the demo users and clients, when a person signs in through the pages'
 * client (authorization code with PKCE, over real HTTP, as a browser would: redirects, the login form, its CSRF
 * token, cookies) and a machine asks with client credentials, then each gets a token signed by a published key,
 * for Rasad's audience, naming who they are, their role and organisation; a refresh token gives a new access
 * token once; a wrong code verifier, a wrong password and a wrong secret get nothing.
 */
@SpringBootTest(
        classes = IdentityApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=identity",
            "rasad.identity.issuer=http://127.0.0.1:18483",
            "rasad.mongodb.embedded.port=0",
            "rasad.mongodb.embedded.backend=memory"
        })
class SignInOverHttpTest {

    private static final String REDIRECT = "http://127.0.0.1:8080/login/oauth2/code/rasad";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PasswordEncoder HASHES = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Autowired
    EventStore eventStore;

    @TempDir
    static Path keys;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void keysIn(DynamicPropertyRegistry properties) {
        properties.add("rasad.identity.key-dir", () -> keys.toString());
    }

    @Test
    void a_person_signs_in_with_pkce_and_refreshes_once() throws Exception {
        HttpClient browser = browser();
        String verifier = randomVerifier();

        String code = authorize(browser, "bank-officer", "bank-officer", challenge(verifier));
        HttpResponse<String> tokens = token(Map.of(
                "grant_type", "authorization_code",
                "code", code,
                "redirect_uri", REDIRECT,
                "code_verifier", verifier));

        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JsonNode issued = JSON.readTree(tokens.body());
        JWTClaimsSet access = verified(issued.get("access_token").asText());
        assertThat(access.getIssuer()).isEqualTo("http://127.0.0.1:18483");
        assertThat(access.getAudience()).containsExactly("rasad");
        assertThat(access.getStringClaim("preferred_username")).isEqualTo("bank-officer");
        assertThat(access.getStringClaim("role")).isEqualTo("bank-officer");
        assertThat(access.getStringClaim("bank")).isEqualTo("bank-melli");
        assertThat(access.getStringClaim("on_behalf_of")).isEqualTo("bank-melli");
        assertThat(access.getExpirationTime().getTime() - access.getIssueTime().getTime())
                .isEqualTo(5 * 60 * 1000L);
        JWTClaimsSet idToken = verified(issued.get("id_token").asText());
        assertThat(idToken.getAudience()).containsExactly("rasad-web");
        assertThat(idToken.getStringClaim("role")).isEqualTo("bank-officer");

        String refresh = issued.get("refresh_token").asText();
        HttpResponse<String> refreshed = token(Map.of("grant_type", "refresh_token", "refresh_token", refresh));
        HttpResponse<String> replayed = token(Map.of("grant_type", "refresh_token", "refresh_token", refresh));

        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        assertThat(verified(JSON.readTree(refreshed.body()).get("access_token").asText())
                        .getStringClaim("role"))
                .isEqualTo("bank-officer");
        assertThat(replayed.statusCode()).as("a refresh token is used once").isEqualTo(400);
        assertThat(replayed.body()).contains("invalid_grant");
    }

    @Test
    void an_inspectors_token_names_their_county() throws Exception {
        String verifier = randomVerifier();
        String code = authorize(browser(), "inspector-marand", "inspector-marand", challenge(verifier));
        JsonNode issued = JSON.readTree(token(Map.of(
                        "grant_type", "authorization_code",
                        "code", code,
                        "redirect_uri", REDIRECT,
                        "code_verifier", verifier))
                .body());

        JWTClaimsSet access = verified(issued.get("access_token").asText());
        assertThat(access.getStringClaim("role")).isEqualTo("inspector");
        assertThat(access.getStringClaim("county")).isEqualTo("marand");
    }

    @Test
    void a_wrong_code_verifier_gets_no_token_and_a_code_is_used_once() throws Exception {
        String verifier = randomVerifier();
        String code = authorize(browser(), "manager", "manager", challenge(verifier));
        Map<String, String> redeem = Map.of(
                "grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT, "code_verifier", verifier);

        HttpResponse<String> wrong = token(Map.of(
                "grant_type",
                "authorization_code",
                "code",
                code,
                "redirect_uri",
                REDIRECT,
                "code_verifier",
                randomVerifier()));
        HttpResponse<String> right = token(redeem);
        HttpResponse<String> again = token(redeem);

        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("invalid_grant");
        assertThat(right.statusCode()).as(right.body()).isEqualTo(200);
        assertThat(again.statusCode()).as("a code is redeemed once").isEqualTo(400);
    }

    @Test
    void a_wrong_password_stays_on_the_login_page() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> login = signIn(browser, "manager", "not-the-password");

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).contains("/login?error"));
    }

    @Test
    void the_demo_loader_uses_client_credentials_and_acts_as_an_admin_for_operations() throws Exception {
        HttpResponse<String> granted = send(HttpRequest.newBuilder(url("/oauth2/token"))
                .header("Authorization", basic("demo-loader", "demo-loader"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        HttpResponse<String> wrongSecret = send(HttpRequest.newBuilder(url("/oauth2/token"))
                .header("Authorization", basic("demo-loader", "guess"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));

        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        JWTClaimsSet access =
                verified(JSON.readTree(granted.body()).get("access_token").asText());
        assertThat(access.getStringClaim("preferred_username")).isEqualTo("demo-loader");
        assertThat(access.getStringClaim("role")).isEqualTo("admin");
        assertThat(access.getStringClaim("on_behalf_of")).isEqualTo("rasad-operations");
        assertThat(access.getAudience()).containsExactly("rasad");
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
    }

    @Test
    void the_login_page_is_framed_by_no_one_and_its_form_leads_only_here_and_to_the_registered_clients()
            throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(url("/login")));

        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy)
                        .contains("frame-ancestors 'none'")
                        .contains("form-action 'self' http://127.0.0.1:8080"));
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void discovery_names_the_issuer_and_the_keys() throws Exception {
        JsonNode metadata = JSON.readTree(send(HttpRequest.newBuilder(url("/.well-known/openid-configuration")))
                .body());
        assertThat(metadata.get("issuer").asText()).isEqualTo("http://127.0.0.1:18483");
        assertThat(metadata.get("jwks_uri").asText()).isEqualTo("http://127.0.0.1:18483/oauth2/jwks");
        assertThat(metadata.get("code_challenge_methods_supported").toString()).contains("S256");
    }

    @Test
    void a_member_signs_in_with_the_password_an_admin_set_and_is_out_once_retired() throws Exception {
        // given: an agency clerk on the staff register, with a password an admin set
        StaffId narges = StaffId.of("clerk-narges");
        record(
                narges,
                new StaffMemberRegistered(
                        narges,
                        PersonName.of("نرگس رضایی"),
                        Role.AGENCY_CLERK,
                        new StaffScope(null, null, AgencyCode.of("relief-committee"))));
        record(narges, new StaffPasswordSet(narges, PasswordHash.of(HASHES.encode("narges-long-secret"))));

        // when she signs in
        String verifier = randomVerifier();
        String code = authorize(browser(), "clerk-narges", "narges-long-secret", challenge(verifier));
        JsonNode issued = JSON.readTree(token(Map.of(
                        "grant_type", "authorization_code",
                        "code", code,
                        "redirect_uri", REDIRECT,
                        "code_verifier", verifier))
                .body());

        // then her token says what the register says
        JWTClaimsSet access = verified(issued.get("access_token").asText());
        assertThat(access.getStringClaim("preferred_username")).isEqualTo("clerk-narges");
        assertThat(access.getStringClaim("role")).isEqualTo("agency-clerk");
        assertThat(access.getStringClaim("agency")).isEqualTo("relief-committee");
        assertThat(access.getStringClaim("name")).isEqualTo("نرگس رضایی");

        // when she is retired, then neither her refresh token nor her password gets her in again
        record(narges, new StaffMemberRetired(narges, "left the committee"));
        HttpResponse<String> refreshed = token(Map.of(
                "grant_type",
                "refresh_token",
                "refresh_token",
                issued.get("refresh_token").asText()));
        HttpResponse<String> again = signIn(browser(), "clerk-narges", "narges-long-secret");

        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(400);
        assertThat(refreshed.body()).contains("invalid_grant");
        assertThat(again.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).contains("/login?error"));
    }

    @Test
    void a_password_set_on_the_register_replaces_a_demo_users_configured_one() throws Exception {
        StaffId auditor = StaffId.of("auditor");
        record(
                auditor,
                new StaffMemberRegistered(auditor, PersonName.of("auditor"), Role.AUDITOR, StaffScope.PROVINCE));
        record(auditor, new StaffPasswordSet(auditor, PasswordHash.of(HASHES.encode("auditor-new-secret"))));

        assertThat(signIn(browser(), "auditor", "auditor").headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).contains("/login?error"));
        assertThat(signIn(browser(), "auditor", "auditor-new-secret").headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
    }

    @Test
    void five_wrong_passwords_lock_the_account_the_right_one_included_and_the_answer_says_for_how_long()
            throws Exception {
        // given five wrong passwords for the agency clerk
        for (int guess = 1; guess <= 5; guess++) {
            assertThat(signIn(browser(), "agency-clerk", "guess-" + guess)
                            .headers()
                            .firstValue("Location"))
                    .hasValueSatisfying(to -> assertThat(to).contains("/login?error"));
        }

        // when the right password comes
        HttpResponse<String> locked = signIn(browser(), "agency-clerk", "agency-clerk");

        // then the account stays locked, and the answer says why and for how long; another account is not locked
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(locked.body())
                .contains("agency-clerk is locked after 5 failed sign-ins within 15 minutes")
                .contains("try again in");
        assertThat(signIn(browser(), "manager", "manager").headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
    }

    /** An event of the member's, as the command side records it. */
    private void record(StaffId member, Object event) {
        long next = eventStore
                .lastSequenceNumberFor(member.aggregateId())
                .map(last -> last + 1)
                .orElse(0L);
        eventStore.publish(new GenericDomainEventMessage<>(
                "StaffMember",
                member.aggregateId(),
                next,
                event,
                Map.of(AuditMetaData.ACTOR, "admin", AuditMetaData.ACTOR_ROLE, "admin", AuditMetaData.REASON, "test")));
    }

    // --- a browser's walk ---

    /** Asks to authorize, signs in at the login page it is sent to, follows back, and answers the code. */
    private String authorize(HttpClient browser, String user, String password, String challenge) throws Exception {
        String authorize = "/oauth2/authorize?"
                + form(new LinkedHashMap<>(Map.of(
                        "response_type", "code",
                        "client_id", "rasad-web",
                        "redirect_uri", REDIRECT,
                        "scope", "openid profile",
                        "state", "s-1",
                        "code_challenge", challenge,
                        "code_challenge_method", "S256")));
        HttpResponse<String> toLogin = browser.send(
                HttpRequest.newBuilder(url(authorize))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(toLogin.statusCode()).as(toLogin.body()).isEqualTo(302);
        assertThat(toLogin.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/login"));

        HttpResponse<String> signedIn = signIn(browser, user, password);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String back = signedIn.headers().firstValue("Location").orElseThrow();

        HttpResponse<String> redirected = browser.send(
                HttpRequest.newBuilder(URI.create(back))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(redirected.statusCode()).as(redirected.body()).isEqualTo(302);
        String location = redirected.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT).contains("state=s-1");
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        assertThat(code.find()).as(location).isTrue();
        return java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8);
    }

    private HttpResponse<String> signIn(HttpClient browser, String user, String password) throws Exception {
        HttpResponse<String> page =
                browser.send(HttpRequest.newBuilder(url("/login")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"")
                .matcher(page.body());
        assertThat(csrf.find()).as(page.body()).isTrue();
        return browser.send(
                HttpRequest.newBuilder(url("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                form(Map.of("username", user, "password", password, "_csrf", csrf.group(1)))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> token(Map<String, String> parameters) throws Exception {
        return send(HttpRequest.newBuilder(url("/oauth2/token"))
                .header("Authorization", basic("rasad-web", "rasad-web"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(parameters))));
    }

    /** The token's claims, once its signature verifies against a key the provider publishes. */
    private JWTClaimsSet verified(String token) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        JWKSet published =
                JWKSet.parse(send(HttpRequest.newBuilder(url("/oauth2/jwks"))).body());
        RSAKey key = (RSAKey) published.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).as("published key " + jwt.getHeader().getKeyID()).isNotNull();
        assertThat(key.isPrivate()).as("only public keys are published").isFalse();
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        return jwt.getJWTClaimsSet();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String randomVerifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
