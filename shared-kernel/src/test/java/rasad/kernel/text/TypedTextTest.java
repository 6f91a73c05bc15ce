package rasad.kernel.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import rasad.kernel.calendar.TypedDay;
import rasad.kernel.facility.BeneficiaryProfile;
import rasad.kernel.facility.ClosureKind;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.referencedata.CountyCode;

class TypedTextTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "2025-05-01, 2025-05-01",
        "1404/02/11, 2025-05-01",
        "۱۴۰۴/۰۲/۱۱, 2025-05-01",
        "١٤٠٤-٠٢-١١, 2025-05-01",
        "1404/2/11, 2025-05-01",
        "1403/12/30, 2025-03-20"
    })
    void a_day_is_iso_or_solar_hijri_in_any_digits(String typed, LocalDate day) {
        assertThat(TypedDay.parse(typed)).isEqualTo(day);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "2025-05-01T00:00:00Z, DATE_ONLY",
        "2025-05-01T10:00, DATE_ONLY",
        "20250501, DATE_FORMAT",
        "1404/07/31, DATE_FORMAT",
        "1402/12/30, DATE_FORMAT",
        "2025-02-30, DATE_FORMAT",
        "tomorrow, DATE_FORMAT",
        "+10000-01-01, DATE_FORMAT"
    })
    void anything_but_a_day_is_refused_by_name(String typed, String rule) {
        assertThatThrownBy(() -> TypedDay.parse(typed)).extracting("rule").isEqualTo(rule);
    }

    @ParameterizedTest(name = "{0} is 09121234567")
    @ValueSource(
            strings = {
                "09121234567",
                "+989121234567",
                "00989121234567",
                "۰۹۱۲۱۲۳۴۵۶۷",
                "0912 123 4567",
                "0912-123-4567",
                "+98 912 123 4567",
                "9121234567"
            })
    void a_mobile_is_read_as_people_write_it(String typed) {
        assertThat(new BeneficiaryProfile(null, null, null, typed).mobile()).isEqualTo("09121234567");
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"+19121234567", "0812123456", "091212345678", "09121234567\u202E"})
    void a_mobile_that_is_not_iranian_is_refused(String typed) {
        assertThatThrownBy(() -> new BeneficiaryProfile(null, null, null, typed))
                .extracting("rule")
                .isEqualTo("MOBILE_FORMAT");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"written_off", "Written-Off", " WRITTEN_OFF ", "written off"})
    void a_choice_is_read_in_any_case(String typed) {
        assertThat(TypedEnum.parse(ClosureKind.class, typed, "UNKNOWN_CLOSURE_KIND", "kind"))
                .isEqualTo(ClosureKind.WRITTEN_OFF);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"WRITTENOFF", "repaid!", "\u202EREPAID"})
    void an_unknown_choice_names_the_choices(String typed) {
        assertThatThrownBy(() -> TypedEnum.parse(ClosureKind.class, typed, "UNKNOWN_CLOSURE_KIND", "kind"))
                .hasMessageContaining("REPAID, RECALLED, WRITTEN_OFF")
                .extracting("rule")
                .isEqualTo("UNKNOWN_CLOSURE_KIND");
    }

    @Test
    void ids_and_codes_take_persian_digits_and_refuse_bidi_controls() {
        assertThat(FacilityId.of("F-۱۴۰۴-۰۰۱")).isEqualTo(FacilityId.of("F-1404-001"));
        assertThat(CountyCode.of(" TABRIZ-٠١ ")).isEqualTo(CountyCode.of("TABRIZ-01"));
        assertThatThrownBy(() -> FacilityId.of("F-1\u202E")).extracting("rule").isEqualTo("FACILITY_ID_FORMAT");
        assertThatThrownBy(() -> CountyCode.of("TABRIZ\u0000"))
                .extracting("rule")
                .isEqualTo("CODE_FORMAT");
    }
}
