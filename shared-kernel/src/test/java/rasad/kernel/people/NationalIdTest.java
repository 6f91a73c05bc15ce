package rasad.kernel.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import rasad.kernel.validation.InvalidValueException;

class NationalIdTest {

    @ParameterizedTest(name = "{0} is a valid national id")
    @ValueSource(strings = {
            "0499370899", // the example beneficiary
            "0013542419",
            "0084575948",
            "4608968882", // check digit 11 - 10 = 1
            "1234567891", // remainder 1: the check digit is the remainder itself
            "1500000000"  // remainder 0
    })
    void accepts_ids_whose_check_digit_matches(String id) {
        assertThat(new NationalId(id).value()).isEqualTo(id);
    }

    @ParameterizedTest(name = "{0} fails its check digit")
    @ValueSource(strings = {"0499370898", "1753920036", "2741736611", "0013542418"})
    void refuses_ids_whose_check_digit_does_not_match(String id) {
        assertThatThrownBy(() -> new NationalId(id))
                .isInstanceOf(InvalidValueException.class)
                .extracting("rule").isEqualTo("NATIONAL_ID_CHECK_DIGIT");
    }

    @ParameterizedTest(name = "{0} is one digit repeated, never issued")
    @ValueSource(strings = {"0000000000", "1111111111", "5555555555"})
    void refuses_ids_of_one_repeated_digit(String id) {
        assertThatThrownBy(() -> new NationalId(id))
                .extracting("rule").isEqualTo("NATIONAL_ID_CHECK_DIGIT");
    }

    @ParameterizedTest(name = "\"{0}\" is not ten digits")
    @ValueSource(strings = {"049937089", "04993708990", "049937089x", "۰۴۹۹۳۷۰۸۹۹", " 0499370899"})
    void refuses_anything_but_ten_ascii_digits(String id) {
        assertThatThrownBy(() -> new NationalId(id))
                .extracting("rule").isEqualTo("NATIONAL_ID_FORMAT");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void requires_a_value(String id) {
        assertThatThrownBy(() -> new NationalId(id))
                .extracting("rule").isEqualTo("REQUIRED");
    }

    @org.junit.jupiter.api.Test
    void nine_digits_complete_to_the_id_with_their_check_digit() {
        assertThat(NationalId.completing("049937089")).isEqualTo(NationalId.of("0499370899"));
        assertThat(NationalId.completing("008457594")).isEqualTo(NationalId.of("0084575948"));
        assertThatThrownBy(() -> NationalId.completing("12345"))
                .extracting("rule").isEqualTo("NATIONAL_ID_FORMAT");
    }
}
