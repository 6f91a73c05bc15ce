package rasad.command.diversion;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rasad.kernel.diversion.DecideDiversionFinding;
import rasad.kernel.diversion.DiversionConfirmed;
import rasad.kernel.diversion.DiversionDismissed;
import rasad.kernel.diversion.DiversionFindingRecorded;
import rasad.kernel.diversion.RecordDiversionFinding;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.validation.RuleViolation;

class DiversionFindingTest {

    private static final String PHOTO = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final RecordDiversionFinding CLOSED_WORKSHOP = new RecordDiversionFinding(
            "d-1",
            FacilityId.of("f-1"),
            LocalDate.of(2025, 9, 1),
            "workshop closed; the loan bought a car",
            List.of(PHOTO));

    private FixtureConfiguration<DiversionFinding> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DiversionFinding.class);
    }

    @Test
    void a_finding_is_recorded_with_its_evidence() {
        fixture.givenNoPriorActivity()
                .when(CLOSED_WORKSHOP)
                .expectEvents(DiversionFindingRecorded.from(CLOSED_WORKSHOP));
    }

    @Test
    void a_manager_confirms_it_and_the_recall_is_requested() {
        fixture.given(DiversionFindingRecorded.from(CLOSED_WORKSHOP))
                .when(new DecideDiversionFinding("d-1", true, "photos and neighbours agree"))
                .expectEvents(new DiversionConfirmed("d-1", FacilityId.of("f-1"), "photos and neighbours agree"));
    }

    @Test
    void a_manager_dismisses_it_with_a_reason() {
        fixture.given(DiversionFindingRecorded.from(CLOSED_WORKSHOP))
                .when(new DecideDiversionFinding("d-1", false, "the workshop moved; it operates in Osku"))
                .expectEvents(
                        new DiversionDismissed("d-1", FacilityId.of("f-1"), "the workshop moved; it operates in Osku"));
    }

    @Test
    void a_decision_is_not_overturned_by_another() {
        fixture.given(
                        DiversionFindingRecorded.from(CLOSED_WORKSHOP),
                        new DiversionDismissed("d-1", FacilityId.of("f-1"), "moved"))
                .when(new DecideDiversionFinding("d-1", true, "changed my mind"))
                .expectException(RuleViolation.class)
                .expectNoEvents();
        fixture.given(
                        DiversionFindingRecorded.from(CLOSED_WORKSHOP),
                        new DiversionDismissed("d-1", FacilityId.of("f-1"), "moved"))
                .when(new DecideDiversionFinding("d-1", false, "moved"))
                .expectNoEvents();
    }
}
