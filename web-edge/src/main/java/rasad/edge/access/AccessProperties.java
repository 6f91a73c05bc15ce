package rasad.edge.access;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The people who may sign in: configured users, plus one demo user per role that is on by default only on
 * the embedded database. Passwords are stored as hashes, never in clear.
 */
@ConfigurationProperties("rasad.access")
public class AccessProperties {

    /** AUTO: demo users only on the embedded database; ON must be asked for against a real MongoDB. */
    public enum DemoUsers {
        AUTO,
        ON,
        OFF
    }

    private DemoUsers demoUsers = DemoUsers.AUTO;
    /** Paths anyone may call: the probes an orchestrator polls, and the error answer the container forwards to. */
    private List<String> openPaths = new ArrayList<>(List.of("/actuator/health", "/actuator/health/**", "/error"));

    private List<ConfiguredUser> users = new ArrayList<>();
    private List<ConfiguredUser> demo = new ArrayList<>();
    private final Tokens tokens = new Tokens();

    /**
     * The identity provider whose JWTs both sides accept: its issuer (Rasad's embedded one, Keycloak's realm…)
     * and the audience a token must name. No issuer: no tokens, only the password users.
     */
    public static class Tokens {
        private String issuer;
        private String audience = "rasad";
        /** Where the signing keys are, when not at the address the issuer's metadata gives. */
        private String jwkSetUri;

        public String getIssuer() {
            return issuer;
        }

        public void setIssuer(String issuer) {
            this.issuer = issuer == null || issuer.isBlank() ? null : issuer;
        }

        public String getAudience() {
            return audience;
        }

        public void setAudience(String audience) {
            this.audience = audience;
        }

        public String getJwkSetUri() {
            return jwkSetUri;
        }

        public void setJwkSetUri(String jwkSetUri) {
            this.jwkSetUri = jwkSetUri == null || jwkSetUri.isBlank() ? null : jwkSetUri;
        }

        public boolean on() {
            return issuer != null;
        }
    }

    public Tokens getTokens() {
        return tokens;
    }

    public DemoUsers getDemoUsers() {
        return demoUsers;
    }

    public void setDemoUsers(DemoUsers demoUsers) {
        this.demoUsers = demoUsers;
    }

    public List<String> getOpenPaths() {
        return openPaths;
    }

    public void setOpenPaths(List<String> openPaths) {
        this.openPaths = openPaths;
    }

    public List<ConfiguredUser> getUsers() {
        return users;
    }

    public void setUsers(List<ConfiguredUser> users) {
        this.users = users;
    }

    public List<ConfiguredUser> getDemo() {
        return demo;
    }

    public void setDemo(List<ConfiguredUser> demo) {
        this.demo = demo;
    }

    /** Everyone who may sign in: the configured users, and the demo users where they are on. */
    public List<ConfiguredUser> signingIn(boolean embeddedDatabase) {
        List<ConfiguredUser> people = new ArrayList<>(users);
        if (demoUsersOn(embeddedDatabase)) {
            people.addAll(demo);
        }
        return people;
    }

    public boolean demoUsersOn(boolean embeddedDatabase) {
        return switch (demoUsers) {
            case OFF -> false;
            case AUTO -> embeddedDatabase;
            case ON -> true;
        };
    }

    /**
     * A user as configured: name, role code, password hash ({bcrypt}…), organisation; for an inspector, the
     * county they inspect in (none: the whole province); the name people know them by (default: their name).
     */
    public record ConfiguredUser(
            String name, String role, String passwordHash, String onBehalfOf, String county, String displayName) {}
}
