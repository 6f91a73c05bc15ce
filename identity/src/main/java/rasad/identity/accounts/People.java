package rasad.identity.accounts;

import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import rasad.kernel.audit.Role;

/** Who signs in at the login page, and what their tokens say about them. */
@Component
public class People implements UserDetailsService {

    private final Accounts accounts;
    private final boolean embeddedDatabase;

    People(Accounts accounts, @Value("${rasad.mongodb.uri:}") String mongodbUri) {
        this.accounts = accounts;
        this.embeddedDatabase = mongodbUri == null || mongodbUri.isBlank();
    }

    @Override
    public UserDetails loadUserByUsername(String name) {
        Accounts.Account account = find(name).orElseThrow(() -> new UsernameNotFoundException(name));
        return new User(
                account.name(),
                account.passwordHash(),
                List.of(new SimpleGrantedAuthority(
                        "ROLE_" + Role.fromCode(account.role()).name())));
    }

    public Optional<Accounts.Account> find(String name) {
        return accounts.named(name, embeddedDatabase);
    }

    public boolean demoUsersOn() {
        return accounts.demoUsersOn(embeddedDatabase);
    }
}
