package rasad.query.access;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may read: configured users, plus one demo user per role that is on by default only on the embedded
 * database. Same shape as the command side's, read from this side's own configuration.
 */
@ConfigurationProperties("rasad.access")
public class ReaderProperties {

    public enum DemoUsers { AUTO, ON, OFF }

    private DemoUsers demoUsers = DemoUsers.AUTO;
    private List<ConfiguredUser> users = new ArrayList<>();
    private List<ConfiguredUser> demo = new ArrayList<>();

    public DemoUsers getDemoUsers() {
        return demoUsers;
    }

    public void setDemoUsers(DemoUsers demoUsers) {
        this.demoUsers = demoUsers;
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

    public record ConfiguredUser(String name, String role, String passwordHash, String onBehalfOf) {
    }
}
