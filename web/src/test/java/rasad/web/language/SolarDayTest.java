package rasad.web.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SolarDayTest {

    @ParameterizedTest
    @CsvSource({
        "1404/01/01, 2025-03-21",
        "۱۴۰۴/۰۴/۲۰, 2025-07-11",
        "١٤٠٤/٤/٢٠, 2025-07-11",
        "1404-4-20, 2025-07-11",
        "1403/12/30, 2025-03-20",
        "' 1405/09/17 ', 2026-12-08"
    })
    void a_solar_hijri_day_typed_in_any_digits_is_its_gregorian_day(String typed, LocalDate gregorian) {
        assertThat(SolarDay.parse(typed)).contains(gregorian);
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
                "",
                "tomorrow",
                "1404/1/1/1",
                "99999/01/01"
            })
    void what_is_no_solar_hijri_day_is_not_read_as_one(String typed) {
        assertThat(SolarDay.parse(typed)).isEmpty();
    }

    @Test
    void nothing_typed_is_no_day() {
        assertThat(SolarDay.parse(null)).isEmpty();
    }
}
