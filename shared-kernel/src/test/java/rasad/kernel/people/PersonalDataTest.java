package rasad.kernel.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataTest {

    @Test
    void national_ids_and_mobile_numbers_in_a_text_are_masked_and_other_numbers_are_not() {
        String text = "beneficiary 0499370899 (mobile 09121234567, +989351112233) paid 3000000000 rials at 1733580000";

        String masked = PersonalData.masked(text);

        assertThat(masked)
                .isEqualTo(
                        "beneficiary *******899 (mobile 09*******67, +989*******33) paid 3000000000 rials at 1733580000");
    }

    @Test
    void a_national_id_shows_its_last_digits_and_a_name_its_initials_where_they_are_shown_masked() {
        NationalId id = NationalId.of("0499370899");
        PersonName name = PersonName.of("مریم احمدی");

        assertThat(id.masked()).isEqualTo("*******899");
        assertThat(name.initials()).isEqualTo("م… ا…");
        assertThat(id.value()).isEqualTo("0499370899");
        assertThat(name.value()).isEqualTo("مریم احمدی");
    }
}
