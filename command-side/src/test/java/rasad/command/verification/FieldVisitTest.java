package rasad.command.verification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.place.GeoPoint;
import rasad.kernel.validation.RuleViolation;
import rasad.kernel.verification.FieldVisitRecorded;
import rasad.kernel.verification.RecordFieldVisit;

class FieldVisitTest {

    private static final String PHOTO = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static RecordFieldVisit visit(boolean operating) {
        return new RecordFieldVisit(
                "v-1",
                FacilityId.of("f-1"),
                Instant.parse("2025-07-01T07:45:00Z"),
                new GeoPoint(38.0962, 46.2738),
                12.5,
                operating,
                Map.of("j-1", true),
                true,
                List.of(PHOTO),
                null);
    }

    private FixtureConfiguration<FieldVisit> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(FieldVisit.class);
    }

    @Test
    void a_visit_is_recorded_with_its_evidence() {
        fixture.givenNoPriorActivity().when(visit(true)).expectEvents(FieldVisitRecorded.from(visit(true)));
    }

    @Test
    void a_visit_resent_from_the_phone_records_nothing_and_other_findings_under_its_id_are_refused() {
        fixture.given(FieldVisitRecorded.from(visit(true))).when(visit(true)).expectNoEvents();
        fixture.given(FieldVisitRecorded.from(visit(true)))
                .when(visit(false))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }
}
