package rasad.command;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The command side: takes what users record, checks the rules, and writes events. Nothing else. */
@SpringBootApplication
public class CommandSideApplication {

    /**
     * Its configuration file is command-side.yml, not application.yml, so that both sides can run in one JVM
     * (as the end-to-end tests do) without reading each other's settings.
     */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(CommandSideApplication.class).properties("spring.config.name=command-side");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
