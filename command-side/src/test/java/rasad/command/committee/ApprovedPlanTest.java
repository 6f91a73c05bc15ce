package rasad.command.committee;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rasad.kernel.committee.ApprovePlan;
import rasad.kernel.committee.FinancePlan;
import rasad.kernel.committee.PlanApproved;
import rasad.kernel.committee.PlanFinanced;
import rasad.kernel.facility.CommittedJobs;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.money.Rials;
import rasad.kernel.referencedata.CountyCode;
import rasad.kernel.referencedata.ProgrammeCode;
import rasad.kernel.validation.RuleViolation;

class ApprovedPlanTest {

    // one of the 173 rural plans: 280 bn tomans over 173 is about 1.6 bn tomans each
    private static final ApprovePlan RURAL_PLAN = new ApprovePlan(
            "rural-1403-017",
            "committee-1403-11",
            LocalDate.of(2025, 2, 5),
            "Greenhouse, Kaleybar",
            ProgrammeCode.of("RURAL_SUSTAINABLE"),
            CountyCode.of("kaleybar"),
            Rials.ofTomans(1_600_000_000L),
            CommittedJobs.of(4));

    private FixtureConfiguration<ApprovedPlan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ApprovedPlan.class);
    }

    @Test
    void the_committee_approves_a_plan_once() {
        fixture.givenNoPriorActivity().when(RURAL_PLAN).expectEvents(PlanApproved.from(RURAL_PLAN));
        fixture.given(PlanApproved.from(RURAL_PLAN)).when(RURAL_PLAN).expectNoEvents();
    }

    @Test
    void a_facility_finances_the_plan_within_its_amount() {
        fixture.given(PlanApproved.from(RURAL_PLAN))
                .when(new FinancePlan("rural-1403-017", FacilityId.of("f-9"), Rials.ofTomans(1_500_000_000L)))
                .expectEvents(new PlanFinanced("rural-1403-017", FacilityId.of("f-9"), Rials.ofTomans(1_500_000_000L)));
    }

    @Test
    void a_facility_above_the_approved_amount_is_refused() {
        fixture.given(PlanApproved.from(RURAL_PLAN))
                .when(new FinancePlan("rural-1403-017", FacilityId.of("f-9"), Rials.ofTomans(1_600_000_001L)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_second_facility_for_the_same_plan_is_refused_and_the_same_one_retried_is_not() {
        PlanFinanced financed =
                new PlanFinanced("rural-1403-017", FacilityId.of("f-9"), Rials.ofTomans(1_500_000_000L));
        fixture.given(PlanApproved.from(RURAL_PLAN), financed)
                .when(new FinancePlan("rural-1403-017", FacilityId.of("f-10"), Rials.ofTomans(1_000L)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
        fixture.given(PlanApproved.from(RURAL_PLAN), financed)
                .when(new FinancePlan("rural-1403-017", FacilityId.of("f-9"), Rials.ofTomans(1_500_000_000L)))
                .expectNoEvents();
    }
}
