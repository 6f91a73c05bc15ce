package rasad.eventstore.axon;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Rasad never calls home. Axon's update checker would write ~/.axoniq and contact AxonIQ; its console module
 * prints an advertisement for a hosted service. Both read JVM system properties, not Spring's environment,
 * so they are set here, before any Axon component is built, in every process that uses the event store.
 */
public class NoCallingHome implements EnvironmentPostProcessor {

    static final String UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";
    static final String CONSOLE_MESSAGE_DISABLED = "disable-axoniq-console-message";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        System.setProperty(UPDATE_CHECKER_DISABLED, "true");
        System.setProperty(CONSOLE_MESSAGE_DISABLED, "true");
    }
}
