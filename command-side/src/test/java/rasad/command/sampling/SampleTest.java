package rasad.command.sampling;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.sampling.DrawSample;
import rasad.kernel.sampling.SampleDrawn;
import rasad.kernel.sampling.SamplingFrameEntry;
import rasad.kernel.sampling.SamplingRule;
import rasad.kernel.validation.RuleViolation;

class SampleTest {

    private static final List<SamplingFrameEntry> FRAME = List.of(
            new SamplingFrameEntry(FacilityId.of("f-1"), "tabriz", "HOME_BUSINESS", 1),
            new SamplingFrameEntry(FacilityId.of("f-2"), "tabriz", "HOME_BUSINESS", 1),
            new SamplingFrameEntry(FacilityId.of("f-3"), "tabriz", "HOME_BUSINESS", 1),
            new SamplingFrameEntry(FacilityId.of("f-4"), "marand", "HOME_BUSINESS", 1));
    private static final DrawSample DRAW = new DrawSample(
            "s-1403-10",
            1403,
            FRAME,
            Map.of("tabriz/HOME_BUSINESS", 2),
            1,
            List.of("inspector-a", "inspector-b"),
            LocalDate.of(2025, 2, 15));

    private FixtureConfiguration<Sample> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Sample.class);
    }

    @Test
    void the_draw_records_what_an_auditor_needs_to_draw_it_again_and_who_visits_what() {
        List<String> plans = SamplingRule.draw(1403, FRAME, Map.of("tabriz/HOME_BUSINESS", 2), 1);
        List<SampleDrawn.Assignment> assignments = List.of(
                new SampleDrawn.Assignment(plans.get(0), "inspector-a", LocalDate.of(2025, 2, 15)),
                new SampleDrawn.Assignment(plans.get(1), "inspector-b", LocalDate.of(2025, 2, 15)),
                new SampleDrawn.Assignment(plans.get(2), "inspector-a", LocalDate.of(2025, 2, 15)));

        fixture.givenNoPriorActivity()
                .when(DRAW)
                .expectEvents(new SampleDrawn(
                        "s-1403-10", SampleDrawn.RULE, 1403, FRAME, Map.of("tabriz/HOME_BUSINESS", 2), 1, assignments));
    }

    @Test
    void drawing_again_with_another_seed_under_the_same_id_is_refused() {
        fixture.given(new SampleDrawn(
                        "s-1403-10", SampleDrawn.RULE, 1403, FRAME, Map.of("tabriz/HOME_BUSINESS", 2), 1, List.of()))
                .when(new DrawSample(
                        "s-1403-10",
                        9999,
                        FRAME,
                        Map.of("tabriz/HOME_BUSINESS", 2),
                        1,
                        List.of("inspector-a"),
                        LocalDate.of(2025, 2, 15)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }
}
