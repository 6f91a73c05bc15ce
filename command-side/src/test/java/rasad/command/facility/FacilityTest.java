package rasad.command.facility;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rasad.kernel.facility.Beneficiary;
import rasad.kernel.facility.CommittedJobs;
import rasad.kernel.facility.FacilityGranted;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.facility.GrantFacility;
import rasad.kernel.money.Rials;
import rasad.kernel.people.NationalId;
import rasad.kernel.people.PersonName;
import rasad.kernel.referencedata.AgencyCode;
import rasad.kernel.referencedata.BankCode;
import rasad.kernel.referencedata.CountyCode;
import rasad.kernel.referencedata.ProgrammeCode;
import rasad.kernel.validation.RuleViolation;

class FacilityTest {

    private FixtureConfiguration<Facility> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Facility.class);
    }

    static GrantFacility grantToMaryam(long amountRials) {
        return new GrantFacility(
                FacilityId.of("f-0001"),
                new Beneficiary(NationalId.of("0499370899"), PersonName.of("Maryam Ahmadi")),
                ProgrammeCode.of("HOME_BUSINESS"),
                BankCode.of("bank-melli"),
                AgencyCode.of("relief-committee"),
                CountyCode.of("tabriz"),
                Rials.of(amountRials),
                CommittedJobs.of(2),
                LocalDate.of(2025, 5, 1));
    }

    @Test
    void granting_a_new_facility_records_that_it_was_granted() {
        GrantFacility grant = grantToMaryam(3_000_000_000L);

        fixture.givenNoPriorActivity()
                .when(grant)
                .expectSuccessfulHandlerExecution()
                .expectEvents(FacilityGranted.from(grant))
                .expectResultMessagePayload(FacilityId.of("f-0001"));
    }

    @Test
    void the_same_grant_retried_records_nothing_new_and_answers_as_the_first_time() {
        GrantFacility grant = grantToMaryam(3_000_000_000L);

        fixture.given(FacilityGranted.from(grant))
                .when(grant)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(FacilityId.of("f-0001"));
    }

    @Test
    void a_facility_id_already_granted_with_other_details_is_refused() {
        fixture.given(FacilityGranted.from(grantToMaryam(3_000_000_000L)))
                .when(grantToMaryam(4_000_000_000L))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("facility f-0001 was already granted with different details")
                .expectNoEvents();
    }
}
