package rasad.command.facility;

import static rasad.command.facility.FacilityTest.grantToMaryam;

import java.time.LocalDate;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rasad.kernel.facility.CloseFacility;
import rasad.kernel.facility.ClosureKind;
import rasad.kernel.facility.DisburseTranche;
import rasad.kernel.facility.FacilityClosed;
import rasad.kernel.facility.FacilityGranted;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.facility.TrancheDisbursed;
import rasad.kernel.facility.TrancheId;
import rasad.kernel.facility.TrancheRefused;
import rasad.kernel.money.Rials;
import rasad.kernel.validation.NotResponsible;
import rasad.kernel.validation.RuleViolation;

class FacilityPaymentsTest {

    private static final FacilityId F = FacilityId.of("f-0001");
    private static final FacilityGranted GRANTED = FacilityGranted.from(grantToMaryam(3_000_000_000L));
    private static final MetaData MELLI_OFFICER =
            MetaData.with("actorRole", "bank-officer").and("onBehalfOf", "bank-melli");

    private FixtureConfiguration<Facility> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Facility.class);
    }

    private static DisburseTranche tranche(String id, long rials, LocalDate paidOn) {
        return new DisburseTranche(F, TrancheId.of(id), Rials.of(rials), paidOn);
    }

    @Test
    void tranches_add_up_to_the_granted_amount() {
        fixture.given(
                        GRANTED,
                        new TrancheDisbursed(
                                F,
                                TrancheId.of("t1"),
                                Rials.of(2_000_000_000L),
                                LocalDate.of(2025, 5, 10),
                                Rials.of(2_000_000_000L)))
                .when(tranche("t2", 1_000_000_000L, LocalDate.of(2025, 6, 1)), MELLI_OFFICER)
                .expectEvents(new TrancheDisbursed(
                        F,
                        TrancheId.of("t2"),
                        Rials.of(1_000_000_000L),
                        LocalDate.of(2025, 6, 1),
                        Rials.of(3_000_000_000L)))
                .expectResultMessagePayload(new TrancheOutcome.Paid(Rials.of(3_000_000_000L)));
    }

    @Test
    void paying_beyond_the_grant_is_refused_and_the_report_is_kept() {
        fixture.given(
                        GRANTED,
                        new TrancheDisbursed(
                                F,
                                TrancheId.of("t1"),
                                Rials.of(2_000_000_000L),
                                LocalDate.of(2025, 5, 10),
                                Rials.of(2_000_000_000L)))
                .when(tranche("t2", 1_000_000_001L, LocalDate.of(2025, 6, 1)))
                .expectResultMessagePayloadMatching(Matchers.instanceOf(TrancheOutcome.RefusedBeyondGrant.class))
                .expectEvents(new TrancheRefused(
                        F,
                        TrancheId.of("t2"),
                        Rials.of(1_000_000_001L),
                        LocalDate.of(2025, 6, 1),
                        Rials.of(2_000_000_000L),
                        GRANTED.amount()));
    }

    @Test
    void the_same_refused_payment_reported_again_is_kept_once() {
        TrancheRefused refused = new TrancheRefused(
                F,
                TrancheId.of("t2"),
                Rials.of(3_000_000_001L),
                LocalDate.of(2025, 6, 1),
                Rials.ZERO,
                GRANTED.amount());
        fixture.given(GRANTED, refused)
                .when(tranche("t2", 3_000_000_001L, LocalDate.of(2025, 6, 1)))
                .expectResultMessagePayloadMatching(Matchers.instanceOf(TrancheOutcome.RefusedBeyondGrant.class))
                .expectNoEvents();
    }

    @Test
    void the_same_tranche_recorded_again_changes_nothing_and_a_reused_id_is_refused() {
        TrancheDisbursed t1 = new TrancheDisbursed(
                F, TrancheId.of("t1"), Rials.of(1_000_000_000L), LocalDate.of(2025, 5, 10), Rials.of(1_000_000_000L));
        fixture.given(GRANTED, t1)
                .when(tranche("t1", 1_000_000_000L, LocalDate.of(2025, 5, 10)))
                .expectNoEvents()
                .expectResultMessagePayload(new TrancheOutcome.Paid(Rials.of(1_000_000_000L)));
        fixture.given(GRANTED, t1)
                .when(tranche("t1", 900_000_000L, LocalDate.of(2025, 5, 10)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_tranche_before_the_grant_is_refused() {
        fixture.given(GRANTED)
                .when(tranche("t1", 1_000L, LocalDate.of(2025, 4, 30)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void an_officer_of_another_bank_may_not_record_a_payment() {
        fixture.given(GRANTED)
                .when(
                        tranche("t1", 1_000L, LocalDate.of(2025, 5, 2)),
                        MetaData.with("actorRole", "bank-officer").and("onBehalfOf", "bank-sepah"))
                .expectException(NotResponsible.class)
                .expectNoEvents();
    }

    @Test
    void a_closed_facility_takes_no_more_payments_and_does_not_close_differently() {
        FacilityClosed recalled = new FacilityClosed(
                F, ClosureKind.RECALLED, LocalDate.of(2025, 9, 1), "field visit found the workshop closed");
        fixture.given(GRANTED, recalled)
                .when(tranche("t1", 1_000L, LocalDate.of(2025, 9, 2)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
        fixture.given(GRANTED, recalled)
                .when(new CloseFacility(F, ClosureKind.REPAID, LocalDate.of(2026, 1, 1), null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
        fixture.given(GRANTED, recalled)
                .when(new CloseFacility(F, ClosureKind.RECALLED, LocalDate.of(2025, 9, 1), "again"))
                .expectNoEvents();
    }

    @Test
    void a_facility_is_closed_with_its_reason() {
        fixture.given(GRANTED)
                .when(new CloseFacility(F, ClosureKind.WRITTEN_OFF, LocalDate.of(2026, 3, 1), "beneficiary deceased"))
                .expectEvents(new FacilityClosed(
                        F, ClosureKind.WRITTEN_OFF, LocalDate.of(2026, 3, 1), "beneficiary deceased"));
    }
}
