package rasad.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rasad.eventstore.embedded.EmbeddedMongoServer;
import rasad.eventstore.embedded.EmbeddedMongoSettings;
import rasad.kernel.facility.Beneficiary;
import rasad.kernel.facility.BeneficiaryProfile;
import rasad.kernel.facility.CommittedJobs;
import rasad.kernel.facility.FacilityGranted;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.facility.GrantFacility;
import rasad.kernel.facility.TrancheDisbursed;
import rasad.kernel.facility.TrancheId;
import rasad.kernel.job.FollowUpOutcome;
import rasad.kernel.job.FollowUpRecorded;
import rasad.kernel.job.JobCorrected;
import rasad.kernel.job.JobId;
import rasad.kernel.job.JobRegistered;
import rasad.kernel.money.Rials;
import rasad.kernel.people.NationalId;
import rasad.kernel.people.PersonName;
import rasad.kernel.place.GeoPoint;
import rasad.kernel.referencedata.AgencyCode;
import rasad.kernel.referencedata.BankCode;
import rasad.kernel.referencedata.CountyCode;
import rasad.kernel.referencedata.ProgrammeCode;
import rasad.kernel.sampling.FieldVisitAssigned;
import rasad.kernel.verification.FieldVisitRecorded;
import rasad.kernel.verification.JobVerificationId;
import rasad.kernel.verification.PhoneCheckRecorded;
import rasad.kernel.verification.PhoneOutcome;
import rasad.kernel.verification.SmsCheckRecorded;
import rasad.kernel.verification.SmsOutcome;
import rasad.query.processing.ReadModelCollections;

/** Given events, when the dashboard projection handles them (through the real driver), then the month figures. */
class DashboardProjectionTest {

    private static final LocalDate MEHR_1404 = LocalDate.of(2025, 10, 1); // 9 Mehr 1404, month 7
    private static final LocalDate ABAN_1404 = LocalDate.of(2025, 11, 1); // 10 Aban 1404, month 8

    private EmbeddedMongoServer server;
    private MongoClient client;
    private DashboardStore store;
    private DashboardProjection projection;
    private DashboardFigures figures;
    private int eventIds;

    @BeforeEach
    void startDatabase() {
        server = EmbeddedMongoServer.start(
                new EmbeddedMongoSettings(0, Path.of("unused"), EmbeddedMongoSettings.Backend.MEMORY));
        client = MongoClients.create(server.connectionString());
        store = new DashboardStore(new ReadModelCollections(client.getDatabase("rasad"), Clock.systemUTC()));
        projection = new DashboardProjection(store);
        figures = new DashboardFigures(store);
    }

    @AfterEach
    void stopDatabase() {
        client.close();
        server.close();
    }

    @Test
    void a_paid_facility_with_a_job_confirmed_by_sms_and_phone_counts_as_verified_in_every_breakdown() {
        given(granted("f-1", "bank-melli", MEHR_1404, BeneficiaryProfile.Gender.FEMALE, true));
        given(new TrancheDisbursed(
                FacilityId.of("f-1"),
                TrancheId.of("t1"),
                Rials.of(2_000_000_000L),
                ABAN_1404,
                Rials.of(2_000_000_000L)));
        given(job("f-1", "j-1", MEHR_1404, true, 0));
        given(sms("f-1", "j-1", SmsOutcome.CONFIRMED));
        given(phone("f-1", "j-1", PhoneOutcome.CONFIRMED));

        Tally year = figures.period(1404, 1, 12);
        assertThat(year.get("total", Counter.plans)).isOne();
        assertThat(year.get("total", Counter.paidRials)).isEqualTo(2_000_000_000L);
        assertThat(year.get("total", Counter.verified)).isOne();
        assertThat(year.get("total", Counter.awaitingFollowUp))
                .as("verified, not yet followed up: neither sustainable nor failed")
                .isOne();
        assertThat(year.get("total", Counter.sustainable)).isZero();
        for (String slot : new String[] {
            "agency.relief-committee",
            "bank.bank-melli",
            "county.tabriz",
            "programme.HOME_BUSINESS",
            "gender.FEMALE",
            "disability.DISABLED",
            "area.URBAN",
            "fundingSource.note-16-1404"
        }) {
            assertThat(year.get(slot, Counter.jobs)).as(slot).isOne();
            assertThat(year.get(slot, Counter.verified)).as(slot).isOne();
        }
        // jobs count in the month they started, money in the month it was paid
        assertThat(figures.period(1404, 7, 7).get("total", Counter.jobs)).isOne();
        assertThat(figures.period(1404, 7, 7).get("total", Counter.paidRials)).isZero();
        assertThat(figures.period(1404, 8, 8).get("total", Counter.paidRials)).isEqualTo(2_000_000_000L);
        assertThat(year.get("quota.AGENCY:relief-committee:HOME_BUSINESS:note-16-1404", Counter.paidRials))
                .isEqualTo(2_000_000_000L);
    }

    @Test
    void a_job_failing_the_phone_check_is_registered_but_not_verified() {
        given(granted("f-1", "bank-melli", MEHR_1404, BeneficiaryProfile.Gender.MALE, false));
        given(job("f-1", "j-1", MEHR_1404, true, 0));
        given(sms("f-1", "j-1", SmsOutcome.CONFIRMED));
        given(phone("f-1", "j-1", PhoneOutcome.DENIED));

        Tally year = figures.period(1404, 1, 12);
        assertThat(year.get("total", Counter.jobs)).isOne();
        assertThat(year.get("total", Counter.phoneFailed)).isOne();
        assertThat(year.get("total", Counter.verified)).isZero();
    }

    @Test
    void the_same_event_delivered_twice_is_counted_once_even_after_a_crash_between_figures_and_facts() {
        given(granted("f-1", "bank-melli", MEHR_1404, BeneficiaryProfile.Gender.FEMALE, false));
        JobRegistered registered = job("f-1", "j-1", MEHR_1404, true, 0);
        projection.on(registered, "event-7");
        projection.on(registered, "event-7");
        // a crash after the figures moved but before the facts were saved: the redelivery moves nothing
        DashboardBatch crashed = new DashboardBatch(store);
        crashed.change("f-1", "event-8", facts -> facts.job("j-1", job -> job.withSms("CONFIRMED")));
        crashed.flushFigures();
        projection.on(sms("f-1", "j-1", SmsOutcome.CONFIRMED), "event-8");

        Tally year = figures.period(1404, 1, 12);
        assertThat(year.get("total", Counter.jobs)).isOne();
        assertThat(year.get("total", Counter.smsConfirmed)).isOne();
        assertThat(year.get("bank.bank-melli", Counter.jobs)).isOne();
    }

    @Test
    void a_batch_delivered_again_after_a_crash_and_cut_differently_is_counted_once() {
        given(granted("f-1", "bank-melli", MEHR_1404, BeneficiaryProfile.Gender.FEMALE, false));
        given(job("f-1", "j-1", MEHR_1404, true, 0));
        DashboardBatch crashed = new DashboardBatch(store);
        crashed.change("f-1", "event-sms", facts -> facts.job("j-1", job -> job.withSms("CONFIRMED")));
        crashed.change("f-1", "event-phone", facts -> facts.job("j-1", job -> job.withPhone("CONFIRMED")));
        crashed.flushFigures(); // ... and the process dies before the facts are saved

        DashboardBatch first = new DashboardBatch(store);
        first.change("f-1", "event-sms", facts -> facts.job("j-1", job -> job.withSms("CONFIRMED")));
        first.flush();
        DashboardBatch second = new DashboardBatch(store);
        second.change("f-1", "event-phone", facts -> facts.job("j-1", job -> job.withPhone("CONFIRMED")));
        second.change(
                "f-1",
                "event-new-job",
                facts -> facts.registered("j-2", new CaseFacts.Job(MEHR_1404, true, 0, null, null, null, null)));
        second.flush();

        Tally year = figures.period(1404, 1, 12);
        assertThat(year.get("total", Counter.smsConfirmed)).isOne();
        assertThat(year.get("total", Counter.phoneConfirmed)).isOne();
        assertThat(year.get("total", Counter.verified)).isOne();
        assertThat(year.get("total", Counter.jobs)).isEqualTo(2);
    }

    @Test
    void a_drawn_plan_verifies_its_jobs_only_once_the_visit_saw_them() {
        given(granted("f-1", "bank-melli", MEHR_1404, BeneficiaryProfile.Gender.FEMALE, false));
        given(job("f-1", "j-1", MEHR_1404, true, 0));
        given(job("f-1", "j-2", MEHR_1404, true, 0));
        for (String job : new String[] {"j-1", "j-2"}) {
            given(sms("f-1", job, SmsOutcome.CONFIRMED));
            given(phone("f-1", job, PhoneOutcome.CONFIRMED));
        }
        given(new FieldVisitAssigned(FacilityId.of("f-1"), "s-1", "inspector-a", ABAN_1404));
        assertThat(figures.period(1404, 1, 12).get("total", Counter.verified)).isZero();

        given(new FieldVisitRecorded(
                "v-1",
                FacilityId.of("f-1"),
                Instant.parse("2025-11-02T08:00:00Z"),
                new GeoPoint(38.07, 46.29),
                8,
                true,
                Map.of("j-1", true, "j-2", false),
                true,
                List.of(),
                null));

        Tally year = figures.period(1404, 1, 12);
        assertThat(year.get("total", Counter.verified)).isOne();
        assertThat(year.get("total", Counter.plansDrawn)).isOne();
        assertThat(year.get("total", Counter.plansVisited)).isOne();
        assertThat(year.get("total", Counter.plansPassed)).isZero(); // one job was not there
        assertThat(year.get("total", Counter.visitedJobs)).isEqualTo(2);
        assertThat(year.get("total", Counter.seenJobs)).isOne();
    }

    @Test
    void seasonal_and_part_time_jobs_count_pro_rata_as_full_time_equivalents() {
        given(granted("f-1", "bank-melli", MEHR_1404, BeneficiaryProfile.Gender.FEMALE, false));
        given(job("f-1", "j-1", MEHR_1404, true, 0)); // 1
        given(job("f-1", "j-2", MEHR_1404, true, 3)); // 0.25
        given(job("f-1", "j-3", MEHR_1404, false, 0)); // 0.5

        Figures total = figures.period(1404, 1, 12).figures("total", 4);
        assertThat(total.jobs()).isEqualTo(3);
        assertThat(total.fte()).isEqualTo(1.75);
        assertThat(total.achievementPercent()).isEqualTo(75.0);
    }

    @Test
    void a_correction_moves_a_job_to_the_month_it_really_started() {
        given(granted("f-1", "bank-melli", MEHR_1404, BeneficiaryProfile.Gender.FEMALE, false));
        given(job("f-1", "j-1", MEHR_1404, true, 0));
        given(new JobCorrected(
                NationalId.of("0084575948"),
                JobId.of("j-1"),
                FacilityId.of("f-1"),
                "tailor",
                ABAN_1404,
                true,
                0,
                "started a month later"));

        assertThat(figures.period(1404, 7, 7).get("total", Counter.jobs)).isZero();
        assertThat(figures.period(1404, 8, 8).get("total", Counter.jobs)).isOne();
    }

    @Test
    void a_verified_job_still_active_at_its_follow_ups_is_sustainable() {
        given(granted("f-1", "bank-melli", MEHR_1404, BeneficiaryProfile.Gender.FEMALE, false));
        given(job("f-1", "j-1", MEHR_1404, true, 0));
        given(sms("f-1", "j-1", SmsOutcome.CONFIRMED));
        given(phone("f-1", "j-1", PhoneOutcome.CONFIRMED));
        assertThat(figures.period(1404, 1, 12).get("total", Counter.sustainable))
                .isZero();

        given(new FollowUpRecorded(
                NationalId.of("0084575948"),
                JobId.of("j-1"),
                FacilityId.of("f-1"),
                "PT4368H",
                FollowUpOutcome.STILL_ACTIVE,
                null));

        assertThat(figures.period(1404, 1, 12).get("total", Counter.sustainable))
                .isOne();
        assertThat(figures.period(1404, 1, 12).get("total", Counter.fteSustainableHalfMonths))
                .isEqualTo(24);
        assertThat(figures.period(1404, 1, 12).get("total", Counter.awaitingFollowUp))
                .as("followed up now")
                .isZero();
    }

    @Test
    void the_median_days_to_first_job_comes_from_each_banks_histogram() {
        given(granted("f-1", "bank-melli", MEHR_1404, BeneficiaryProfile.Gender.FEMALE, false));
        given(job("f-1", "j-1", MEHR_1404.plusDays(10), true, 0));
        given(granted("f-2", "bank-melli", MEHR_1404, BeneficiaryProfile.Gender.FEMALE, false));
        given(job("f-2", "j-2", MEHR_1404.plusDays(30), true, 0));
        given(job("f-2", "j-3", MEHR_1404.plusDays(20), true, 0)); // earlier: now this facility's first job
        given(granted("f-3", "bank-melli", MEHR_1404, BeneficiaryProfile.Gender.FEMALE, false));
        given(job("f-3", "j-4", MEHR_1404.plusDays(40), true, 0));

        Map<Long, Long> days = figures.period(1404, 1, 12).histogram("bank.bank-melli", "firstJobDays");
        assertThat(days).containsExactly(Map.entry(10L, 1L), Map.entry(20L, 1L), Map.entry(40L, 1L));
        assertThat(Tally.median(days)).isEqualTo(20L);
    }

    private void given(Object event) {
        String id = "event-" + ++eventIds;
        if (event instanceof FacilityGranted e) {
            projection.on(e, id);
        } else if (event instanceof TrancheDisbursed e) {
            projection.on(e, id);
        } else if (event instanceof JobRegistered e) {
            projection.on(e, id);
        } else if (event instanceof JobCorrected e) {
            projection.on(e, id);
        } else if (event instanceof SmsCheckRecorded e) {
            projection.on(e, id);
        } else if (event instanceof PhoneCheckRecorded e) {
            projection.on(e, id);
        } else if (event instanceof FieldVisitAssigned e) {
            projection.on(e, id);
        } else if (event instanceof FieldVisitRecorded e) {
            projection.on(e, id);
        } else if (event instanceof FollowUpRecorded e) {
            projection.on(e, id);
        } else {
            throw new IllegalArgumentException("no handler in this test for " + event);
        }
    }

    static FacilityGranted granted(
            String id, String bank, LocalDate on, BeneficiaryProfile.Gender gender, boolean disabled) {
        return FacilityGranted.from(new GrantFacility(
                FacilityId.of(id),
                new Beneficiary(NationalId.of("0499370899"), PersonName.of("مریم احمدی")),
                ProgrammeCode.of("HOME_BUSINESS"),
                BankCode.of(bank),
                AgencyCode.of("relief-committee"),
                CountyCode.of("tabriz"),
                Rials.of(3_000_000_000L),
                CommittedJobs.of(2),
                on,
                new BeneficiaryProfile(gender, disabled, false, null),
                null,
                null,
                "note-16-1404",
                null));
    }

    static JobRegistered job(String facility, String job, LocalDate startedOn, boolean fullTime, int seasonalMonths) {
        return new JobRegistered(
                NationalId.of("0084575948"),
                JobId.of(job),
                FacilityId.of(facility),
                "tailor",
                startedOn,
                fullTime,
                seasonalMonths,
                null);
    }

    static SmsCheckRecorded sms(String facility, String job, SmsOutcome outcome) {
        return new SmsCheckRecorded(
                new JobVerificationId(FacilityId.of(facility), JobId.of(job)),
                outcome,
                Instant.parse("2025-11-01T08:00:00Z"),
                null);
    }

    static PhoneCheckRecorded phone(String facility, String job, PhoneOutcome outcome) {
        return new PhoneCheckRecorded(
                new JobVerificationId(FacilityId.of(facility), JobId.of(job)),
                outcome,
                Instant.parse("2025-11-02T08:00:00Z"),
                "call-centre-7",
                null,
                null);
    }
}
