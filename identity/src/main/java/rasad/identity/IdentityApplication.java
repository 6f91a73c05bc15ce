package rasad.identity;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Rasad's embedded identity provider: who people and machines are, and the tokens both sides accept. A process
 * of its own, so that a real deployment replaces it with the province's provider and changes nothing else.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityApplication {

    /** Its configuration file is identity.yml, as each side has its own. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(IdentityApplication.class).properties("spring.config.name=identity");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
