package rasad.query.facility;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rasad.eventstore.embedded.EmbeddedMongoServer;
import rasad.eventstore.embedded.EmbeddedMongoSettings;
import rasad.kernel.facility.Beneficiary;
import rasad.kernel.facility.ClosureKind;
import rasad.kernel.facility.CommittedJobs;
import rasad.kernel.facility.FacilityClosed;
import rasad.kernel.facility.FacilityGranted;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.facility.GrantFacility;
import rasad.kernel.facility.TrancheDisbursed;
import rasad.kernel.facility.TrancheId;
import rasad.kernel.job.JobEnded;
import rasad.kernel.job.JobId;
import rasad.kernel.job.JobRegistered;
import rasad.kernel.money.Rials;
import rasad.kernel.people.NationalId;
import rasad.kernel.people.PersonName;
import rasad.kernel.referencedata.AgencyCode;
import rasad.kernel.referencedata.BankCode;
import rasad.kernel.referencedata.CountyCode;
import rasad.kernel.referencedata.ProgrammeCode;
import rasad.query.processing.ReadModelCollections;

/** Feed events to the projection, read the model back, through the real driver. */
class FacilityProjectionTest {

    private EmbeddedMongoServer server;
    private MongoClient client;
    private FacilityReadModel readModel;
    private FacilityProjection projection;

    @BeforeEach
    void startDatabase() {
        server = EmbeddedMongoServer.start(
                new EmbeddedMongoSettings(0, Path.of("unused"), EmbeddedMongoSettings.Backend.MEMORY));
        client = MongoClients.create(server.connectionString());
        readModel = new FacilityReadModel(new ReadModelCollections(client.getDatabase("rasad"), Clock.systemUTC()));
        projection = new FacilityProjection(readModel);
    }

    @AfterEach
    void stopDatabase() {
        client.close();
        server.close();
    }

    static FacilityGranted granted(String id, String county, String programme, String bank) {
        return FacilityGranted.from(new GrantFacility(
                FacilityId.of(id),
                new Beneficiary(NationalId.of("0499370899"), PersonName.of("مریم احمدی")),
                ProgrammeCode.of(programme),
                BankCode.of(bank),
                AgencyCode.of("relief-committee"),
                CountyCode.of(county),
                Rials.of(3_000_000_000L),
                CommittedJobs.of(2),
                LocalDate.of(2025, 5, 1)));
    }

    @Test
    void a_granted_facility_becomes_a_case_with_who_granted_it_and_when() {
        projection.on(
                granted("f-0001", "tabriz", "HOME_BUSINESS", "bank-melli"), "bank-officer", "2025-05-01T08:30:00Z");

        FacilityView view = readModel.find("f-0001").orElseThrow();
        assertThat(view.beneficiary()).isEqualTo(new FacilityView.Beneficiary("0499370899", "مریم احمدی"));
        assertThat(view.amountRials()).isEqualTo(3_000_000_000L);
        assertThat(view.committedJobs()).isEqualTo(2);
        assertThat(view.grantedOn()).isEqualTo(LocalDate.of(2025, 5, 1));
        assertThat(view.status()).isEqualTo("GRANTED");
        assertThat(view.grantedBy()).isEqualTo("bank-officer");
        assertThat(view.recordedAt()).isEqualTo(Instant.parse("2025-05-01T08:30:00Z"));
    }

    @Test
    void handling_the_same_event_twice_as_a_replay_does_leaves_one_unchanged_case() {
        FacilityGranted event = granted("f-0001", "tabriz", "HOME_BUSINESS", "bank-melli");
        projection.on(event, "bank-officer", "2025-05-01T08:30:00Z");
        FacilityView first = readModel.find("f-0001").orElseThrow();

        projection.on(event, "bank-officer", "2025-05-01T08:30:00Z");

        assertThat(readModel.find("f-0001")).contains(first);
        assertThat(readModel
                        .list(new FacilityReadModel.FacilityFilter(null, null, null), 0, 10)
                        .totalItems())
                .isOne();
    }

    @Test
    void lists_filter_by_county_programme_and_bank_and_page_in_id_order() {
        projection.on(granted("f-3", "tabriz", "HOME_BUSINESS", "bank-melli"), "bank-officer", null);
        projection.on(granted("f-1", "tabriz", "HOME_BUSINESS", "bank-sepah"), "bank-officer", null);
        projection.on(granted("f-2", "tabriz", "RURAL", "bank-melli"), "bank-officer", null);
        projection.on(granted("f-4", "maragheh", "HOME_BUSINESS", "bank-melli"), "bank-officer", null);

        var tabrizHomeBusiness =
                readModel.list(new FacilityReadModel.FacilityFilter("tabriz", "HOME_BUSINESS", null), 0, 10);
        assertThat(tabrizHomeBusiness.items())
                .extracting(FacilityView::facilityId)
                .containsExactly("f-1", "f-3");

        var melliSecondPage = readModel.list(new FacilityReadModel.FacilityFilter(null, null, "bank-melli"), 1, 2);
        assertThat(melliSecondPage.items()).extracting(FacilityView::facilityId).containsExactly("f-4");
        assertThat(melliSecondPage.totalItems()).isEqualTo(3);
        assertThat(melliSecondPage.totalPages()).isEqualTo(2);
    }

    @Test
    void tranches_and_closure_show_on_the_case_and_replaying_them_changes_nothing() {
        projection.on(granted("f-1", "tabriz", "HOME_BUSINESS", "bank-melli"), "bank-officer", null);
        var first = new TrancheDisbursed(
                FacilityId.of("f-1"),
                TrancheId.of("t1"),
                Rials.of(2_000_000_000L),
                LocalDate.of(2025, 5, 10),
                Rials.of(2_000_000_000L));
        projection.on(first);
        assertThat(readModel.find("f-1").orElseThrow().status()).isEqualTo("PARTLY_DISBURSED");
        projection.on(new TrancheDisbursed(
                FacilityId.of("f-1"),
                TrancheId.of("t2"),
                Rials.of(1_000_000_000L),
                LocalDate.of(2025, 6, 1),
                Rials.of(3_000_000_000L)));
        projection.on(first); // a replay of the first tranche

        FacilityView paid = readModel.find("f-1").orElseThrow();
        assertThat(paid.status()).isEqualTo("DISBURSED");
        assertThat(paid.paidRials()).isEqualTo(3_000_000_000L);
        assertThat(paid.tranches()).extracting(FacilityView.Tranche::trancheId).containsExactly("t1", "t2");

        projection.on(new FacilityClosed(FacilityId.of("f-1"), ClosureKind.REPAID, LocalDate.of(2027, 5, 1), null));
        FacilityView closed = readModel.find("f-1").orElseThrow();
        assertThat(closed.status()).isEqualTo("REPAID");
        assertThat(closed.closure().closedOn()).isEqualTo(LocalDate.of(2027, 5, 1));
    }

    @Test
    void jobs_show_on_their_facility_until_they_end() {
        projection.on(granted("f-1", "tabriz", "HOME_BUSINESS", "bank-melli"), "bank-officer", null);
        var registered = new JobRegistered(
                NationalId.of("0084575948"),
                JobId.of("j-1"),
                FacilityId.of("f-1"),
                "carpet weaver",
                LocalDate.of(2025, 6, 1),
                false,
                3,
                null);
        projection.on(registered);
        projection.on(registered);

        assertThat(readModel.find("f-1").orElseThrow().jobs()).singleElement().satisfies(job -> {
            assertThat(job.nationalId()).isEqualTo("0084575948");
            assertThat(job.seasonalMonths()).isEqualTo(3);
            assertThat(job.endedOn()).isNull();
        });
        projection.on(new JobEnded(
                NationalId.of("0084575948"),
                JobId.of("j-1"),
                FacilityId.of("f-1"),
                LocalDate.of(2025, 9, 1),
                "season over"));
        assertThat(readModel.find("f-1").orElseThrow().jobs().get(0).endedOn()).isEqualTo(LocalDate.of(2025, 9, 1));
    }

    @Test
    void an_unknown_facility_is_absent_not_an_error() {
        assertThat(readModel.find("nope")).isEmpty();
    }
}
