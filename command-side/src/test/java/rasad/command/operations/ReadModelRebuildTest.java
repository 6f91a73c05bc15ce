package rasad.command.operations;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rasad.kernel.operations.ReadModelRebuildRequested;
import rasad.kernel.operations.RebuildId;
import rasad.kernel.operations.RequestReadModelRebuild;
import rasad.kernel.validation.RuleViolation;

/** A rebuild request is recorded once under its client's id. */
class ReadModelRebuildTest {

    private static final RebuildId REBUILD = RebuildId.of("rb-2026-11-27");

    private FixtureConfiguration<ReadModelRebuild> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ReadModelRebuild.class);
    }

    @Test
    void a_request_is_recorded_with_its_reason() {
        fixture.givenNoPriorActivity()
                .when(new RequestReadModelRebuild(REBUILD, "dashboard", "a projection fix was deployed"))
                .expectEvents(new ReadModelRebuildRequested(REBUILD, "dashboard", "a projection fix was deployed"));
    }

    @Test
    void the_same_request_again_records_nothing_and_the_first_reason_stands() {
        ReadModelRebuildRequested first =
                new ReadModelRebuildRequested(REBUILD, "dashboard", "a projection fix was deployed");
        fixture.given(first)
                .when(new RequestReadModelRebuild(REBUILD, "dashboard", "retried"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(first);
    }

    @Test
    void the_same_id_for_another_read_model_is_refused() {
        fixture.given(new ReadModelRebuildRequested(REBUILD, "dashboard", "a projection fix was deployed"))
                .when(new RequestReadModelRebuild(REBUILD, "facilities", "a projection fix was deployed"))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }
}
