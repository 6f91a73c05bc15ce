package rasad.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The query side: reads the event store, keeps read models in MongoDB, answers questions. Writes no events. */
@SpringBootApplication
public class QuerySideApplication {

    /** Reads query-side.yml, not application.yml, so that both sides can share one JVM in tests. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(QuerySideApplication.class).properties("spring.config.name=query-side");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
