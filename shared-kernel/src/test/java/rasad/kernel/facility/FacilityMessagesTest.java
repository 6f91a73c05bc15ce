package rasad.kernel.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import rasad.kernel.money.Rials;
import rasad.kernel.people.NationalId;
import rasad.kernel.people.PersonName;
import rasad.kernel.referencedata.AgencyCode;
import rasad.kernel.referencedata.BankCode;
import rasad.kernel.referencedata.CountyCode;
import rasad.kernel.referencedata.ProgrammeCode;

class FacilityMessagesTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    static GrantFacility grant(String id) {
        return new GrantFacility(
                FacilityId.of(id),
                new Beneficiary(NationalId.of("0499370899"), PersonName.of("Maryam Ahmadi")),
                ProgrammeCode.of("HOME_BUSINESS"),
                BankCode.of("bank-melli"),
                AgencyCode.of("relief-committee"),
                CountyCode.of("tabriz"),
                Rials.of(3_000_000_000L),
                CommittedJobs.of(2),
                LocalDate.of(2025, 5, 1));
    }

    @Test
    void the_granted_event_reads_as_plain_json_and_back() throws Exception {
        FacilityGranted granted = FacilityGranted.from(grant("f-0001"));

        String text = json.writeValueAsString(granted);

        assertThat(text)
                .contains(
                        "\"facilityId\":\"f-0001\"",
                        "\"nationalId\":\"0499370899\"",
                        "\"amount\":3000000000",
                        "\"committedJobs\":2",
                        "\"grantedOn\":[2025,5,1]");
        assertThat(json.readValue(text, FacilityGranted.class)).isEqualTo(granted);
    }

    @Test
    void deserializing_an_invalid_national_id_fails_rather_than_creating_one() {
        String tampered = "{\"nationalId\":\"0499370898\",\"name\":\"Maryam Ahmadi\"}";

        assertThatThrownBy(() -> json.readValue(tampered, Beneficiary.class)).hasMessageContaining("check digit");
    }

    @Test
    void a_facility_id_is_its_own_routing_key() {
        assertThat(FacilityId.of("f-0001")).hasToString("f-0001");
    }

    @Test
    void a_grant_of_nothing_is_refused() {
        GrantFacility valid = grant("f-0002");
        assertThatThrownBy(() -> new GrantFacility(
                        valid.facilityId(),
                        valid.beneficiary(),
                        valid.programme(),
                        valid.bank(),
                        valid.agency(),
                        valid.county(),
                        Rials.ZERO,
                        valid.committedJobs(),
                        valid.grantedOn()))
                .extracting("rule")
                .isEqualTo("AMOUNT_NOT_POSITIVE");
    }

    @Test
    void at_least_one_job_is_committed() {
        assertThatThrownBy(() -> CommittedJobs.of(0)).extracting("rule").isEqualTo("COMMITTED_JOBS_BELOW_ONE");
    }
}
