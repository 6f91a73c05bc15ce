package rasad.identity.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The people who may sign in, from the same list both sides read ({@code rasad-access.yml}): configured users,
 * and the demo users where they are on — by default only on the embedded MongoDB, as on both sides.
 */
@ConfigurationProperties("rasad.access")
public record Accounts(DemoUsers demoUsers, List<Account> demo, List<Account> users) {

    public enum DemoUsers {
        AUTO,
        ON,
        OFF
    }

    /** A person: sign-in name, role code, password hash ({bcrypt}…), organisation; an inspector's county. */
    public record Account(
            String name, String role, String passwordHash, String onBehalfOf, String county, String displayName) {}

    public Accounts {
        demoUsers = demoUsers == null ? DemoUsers.AUTO : demoUsers;
        demo = demo == null ? List.of() : List.copyOf(demo);
        users = users == null ? List.of() : List.copyOf(users);
    }

    public boolean demoUsersOn(boolean embeddedDatabase) {
        return switch (demoUsers) {
            case OFF -> false;
            case AUTO -> embeddedDatabase;
            case ON -> true;
        };
    }

    public List<Account> signingIn(boolean embeddedDatabase) {
        List<Account> people = new ArrayList<>(users);
        if (demoUsersOn(embeddedDatabase)) {
            people.addAll(demo);
        }
        return people;
    }

    public Optional<Account> named(String name, boolean embeddedDatabase) {
        return signingIn(embeddedDatabase).stream()
                .filter(account -> account.name().equals(name))
                .findFirst();
    }
}
