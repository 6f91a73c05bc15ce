package rasad.web.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import rasad.kernel.calendar.TypedDay;

/** The visit due date a manager types on the triage forms: read as the APIs read days, refused here when none. */
class VisitDueDayTest {

    @ParameterizedTest
    @CsvSource({
        "1404/01/01, 2025-03-21",
        "۱۴۰۴/۰۴/۲۰, 2025-07-11",
        "١٤٠٤/٤/٢٠, 2025-07-11",
        "1404-4-20, 2025-07-11",
        "1403/12/30, 2025-03-20",
        "' 1405/09/17 ', 2026-12-08",
        "2026-12-08, 2026-12-08"
    })
    void a_day_typed_in_any_digits_is_accepted_and_sent_as_its_iso_day(String typed, LocalDate day) {
        assertThat(AlertPageController.unreadableDay(typed)).isEmpty();
        assertThat(TypedDay.parse(typed)).isEqualTo(day);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1404/13/01",
                "1404/00/10",
                "1404/07/31",
                "1404/12/30",
                "1404/01/32",
                "14040101",
                "2025-07-11x",
                "tomorrow",
                "1404/1/1/1",
                "99999/01/01"
            })
    void what_is_no_day_is_refused_naming_the_field_and_the_rule(String typed) {
        assertThat(AlertPageController.unreadableDay(typed)).hasValueSatisfying(refusal -> {
            assertThat(refusal.ok()).isFalse();
            assertThat(refusal.fields()).singleElement().satisfies(field -> {
                assertThat(field.field()).isEqualTo("visitDueOn");
                assertThat(field.rule()).isNotBlank();
            });
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void nothing_typed_is_left_for_the_command_side_to_require(String typed) {
        assertThat(AlertPageController.unreadableDay(typed)).isEmpty();
        assertThat(AlertPageController.unreadableDay(null)).isEmpty();
    }
}
