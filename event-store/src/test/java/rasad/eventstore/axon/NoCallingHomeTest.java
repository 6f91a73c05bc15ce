package rasad.eventstore.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class NoCallingHomeTest {

    private String updateChecker;
    private String consoleMessage;

    @BeforeEach
    void clearWhatTheBuildSets() {
        updateChecker = System.clearProperty(NoCallingHome.UPDATE_CHECKER_DISABLED);
        consoleMessage = System.clearProperty(NoCallingHome.CONSOLE_MESSAGE_DISABLED);
    }

    @AfterEach
    void restore() {
        restore(NoCallingHome.UPDATE_CHECKER_DISABLED, updateChecker);
        restore(NoCallingHome.CONSOLE_MESSAGE_DISABLED, consoleMessage);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Test
    void every_process_switches_off_the_update_checker_and_the_console_advert_before_axon_starts() {
        new NoCallingHome().postProcessEnvironment(new MockEnvironment(), new SpringApplication());

        assertThat(System.getProperty("axoniq.update-checker.disabled")).isEqualTo("true");
        assertThat(System.getProperty("disable-axoniq-console-message")).isEqualTo("true");
    }

    @Test
    void it_is_registered_to_run_in_every_spring_application() throws Exception {
        var registrations =
                Collections.list(getClass().getClassLoader().getResources("META-INF/spring.factories")).stream()
                        .map(url -> {
                            try (var in = url.openStream()) {
                                var properties = new Properties();
                                properties.load(in);
                                return properties.getProperty(
                                        "org.springframework.boot.env.EnvironmentPostProcessor", "");
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        })
                        .toList();
        assertThat(registrations).anyMatch(names -> names.contains(NoCallingHome.class.getName()));
    }
}
