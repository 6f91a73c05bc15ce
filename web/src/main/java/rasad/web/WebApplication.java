package rasad.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The pages: one origin for people, beside the two APIs and the identity provider. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebApplication {

    public static void main(String[] args) {
        new SpringApplication(WebApplication.class) {
            {
                setDefaultProperties(java.util.Map.of("spring.config.name", "web"));
            }
        }.run(args);
    }
}
