package rasad.command.planning;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rasad.kernel.calendar.FiscalYear;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.facility.TrancheId;
import rasad.kernel.money.Rials;
import rasad.kernel.planning.ConsumeQuota;
import rasad.kernel.planning.QuotaConsumed;
import rasad.kernel.planning.QuotaId;
import rasad.kernel.planning.QuotaRevised;
import rasad.kernel.planning.QuotaSet;
import rasad.kernel.planning.SetQuota;
import rasad.kernel.referencedata.ProgrammeCode;
import rasad.kernel.validation.RuleViolation;

class QuotaTest {

    // Note 16: the Relief Committee's quota, 1,000 bn tomans
    private static final QuotaId RELIEF_NOTE_16 = new QuotaId(
            FiscalYear.of(1403),
            QuotaId.HolderKind.AGENCY,
            "relief-committee",
            ProgrammeCode.of("SUPPORT_INSTITUTIONS"),
            "note-16-1403");
    private static final Rials THOUSAND_BN_TOMANS = Rials.ofTomans(1_000_000_000_000L);

    private FixtureConfiguration<Quota> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Quota.class);
    }

    @Test
    void a_quota_is_allocated_in_rials() {
        fixture.givenNoPriorActivity()
                .when(new SetQuota(RELIEF_NOTE_16, THOUSAND_BN_TOMANS, null))
                .expectEvents(new QuotaSet(RELIEF_NOTE_16, Rials.of(10_000_000_000_000L), null));
    }

    @Test
    void the_same_amount_again_records_nothing_and_another_needs_a_reason() {
        fixture.given(new QuotaSet(RELIEF_NOTE_16, THOUSAND_BN_TOMANS, null))
                .when(new SetQuota(RELIEF_NOTE_16, THOUSAND_BN_TOMANS, null))
                .expectNoEvents();
        fixture.given(new QuotaSet(RELIEF_NOTE_16, THOUSAND_BN_TOMANS, null))
                .when(new SetQuota(RELIEF_NOTE_16, Rials.ofTomans(1_100_000_000_000L), null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void tranches_count_against_the_quota_and_one_beyond_it_is_flagged_not_refused() {
        FacilityId f = FacilityId.of("f-1");
        fixture.given(
                        new QuotaSet(RELIEF_NOTE_16, Rials.of(1_000), null),
                        new QuotaConsumed(
                                RELIEF_NOTE_16,
                                f,
                                TrancheId.of("t1"),
                                Rials.of(800),
                                Rials.of(800),
                                Rials.of(1_000),
                                false))
                .when(new ConsumeQuota(RELIEF_NOTE_16, f, TrancheId.of("t2"), Rials.of(300)))
                .expectEvents(new QuotaConsumed(
                        RELIEF_NOTE_16, f, TrancheId.of("t2"), Rials.of(300), Rials.of(1_100), Rials.of(1_000), true))
                .expectResultMessagePayload(true);
    }

    @Test
    void a_payment_under_no_quota_is_flagged_and_a_retried_tranche_counts_once() {
        FacilityId f = FacilityId.of("f-1");
        fixture.givenNoPriorActivity()
                .when(new ConsumeQuota(RELIEF_NOTE_16, f, TrancheId.of("t1"), Rials.of(5)))
                .expectEvents(new QuotaConsumed(
                        RELIEF_NOTE_16, f, TrancheId.of("t1"), Rials.of(5), Rials.of(5), Rials.ZERO, true));
        fixture.given(new QuotaConsumed(
                        RELIEF_NOTE_16, f, TrancheId.of("t1"), Rials.of(5), Rials.of(5), Rials.ZERO, true))
                .when(new ConsumeQuota(RELIEF_NOTE_16, f, TrancheId.of("t1"), Rials.of(5)))
                .expectNoEvents()
                .expectResultMessagePayload(true);
    }

    @Test
    void a_revision_keeps_the_previous_amount() {
        Rials more = Rials.ofTomans(1_100_000_000_000L);
        fixture.given(new QuotaSet(RELIEF_NOTE_16, THOUSAND_BN_TOMANS, null))
                .when(new SetQuota(RELIEF_NOTE_16, more, "supplementary budget"))
                .expectEvents(new QuotaRevised(RELIEF_NOTE_16, THOUSAND_BN_TOMANS, more, "supplementary budget"));
    }
}
