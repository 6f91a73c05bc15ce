package rasad.command.planning;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rasad.kernel.calendar.FiscalYear;
import rasad.kernel.planning.JobTargetId;
import rasad.kernel.planning.JobTargetRevised;
import rasad.kernel.planning.JobTargetSet;
import rasad.kernel.planning.SetJobTarget;
import rasad.kernel.planning.TargetScope;
import rasad.kernel.validation.RuleViolation;

class JobTargetTest {

    private static final JobTargetId PROVINCE_1403 =
            new JobTargetId(FiscalYear.of(1403), new TargetScope(TargetScope.Kind.PROVINCE, "east-azerbaijan"));

    private FixtureConfiguration<JobTarget> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(JobTarget.class);
    }

    @Test
    void the_provinces_commitment_is_set_for_its_fiscal_year() {
        fixture.givenNoPriorActivity()
                .when(new SetJobTarget(PROVINCE_1403, 45_794, null))
                .expectEvents(new JobTargetSet(PROVINCE_1403, 45_794, null));
    }

    @Test
    void setting_the_same_target_again_records_nothing() {
        fixture.given(new JobTargetSet(PROVINCE_1403, 45_794, null))
                .when(new SetJobTarget(PROVINCE_1403, 45_794, "retry"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_revision_records_the_old_and_new_figures_and_why() {
        fixture.given(new JobTargetSet(PROVINCE_1403, 45_794, null))
                .when(new SetJobTarget(PROVINCE_1403, 47_165, "national allocation revised in Mehr"))
                .expectEvents(
                        new JobTargetRevised(PROVINCE_1403, 45_794, 47_165, "national allocation revised in Mehr"));
    }

    @Test
    void a_revision_without_a_reason_is_refused() {
        fixture.given(new JobTargetSet(PROVINCE_1403, 45_794, null))
                .when(new SetJobTarget(PROVINCE_1403, 47_165, " "))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }
}
