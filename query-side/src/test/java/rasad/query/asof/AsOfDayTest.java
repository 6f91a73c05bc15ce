package rasad.query.asof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import rasad.edge.problem.InvalidParameterException;

class AsOfDayTest {

    @Test
    void a_day_is_read_as_iso_or_solar_hijri_in_latin_or_persian_digits() {
        LocalDate azar29 = LocalDate.of(2025, 12, 20);
        assertThat(AsOfDay.parse("openAsOf", "2025-12-20").day()).isEqualTo(azar29);
        assertThat(AsOfDay.parse("openAsOf", "1404/09/29").day()).isEqualTo(azar29);
        assertThat(AsOfDay.parse("openAsOf", "۱۴۰۴/۰۹/۲۹").day()).isEqualTo(azar29);
        assertThat(AsOfDay.parse("openAsOf", "1404-9-29").day())
                .as("a Solar Hijri year, whatever the separator")
                .isEqualTo(azar29);
        assertThat(AsOfDay.parse("openAsOf", "1404/01/01").day()).isEqualTo(LocalDate.of(2025, 3, 21));
        assertThat(AsOfDay.parse("openAsOf", "1404/07/01").day()).isEqualTo(LocalDate.of(2025, 9, 23));
        assertThat(AsOfDay.parse("openAsOf", "1403/12/30").day())
                .as("1403 is a leap year")
                .isEqualTo(LocalDate.of(2025, 3, 20));
    }

    @Test
    void the_end_of_a_day_is_midnight_in_tehran() {
        assertThat(AsOfDay.parse("openAsOf", "2025-12-20").end()).isEqualTo(Instant.parse("2025-12-20T20:30:00Z"));
    }

    @Test
    void days_that_do_not_exist_are_refused_naming_the_parameter() {
        for (String noSuchDay : new String[] {
            "1404/07/31", "1404/12/30", "1404/13/01", "2025-02-30", "2025-12", "20/12/2025", "yesterday"
        }) {
            assertThatThrownBy(() -> AsOfDay.parse("openAsOf", noSuchDay))
                    .as(noSuchDay)
                    .isInstanceOfSatisfying(InvalidParameterException.class, refused -> {
                        assertThat(refused.parameter()).isEqualTo("openAsOf");
                        assertThat(refused.rule()).isEqualTo("DATE_FORMAT");
                    });
        }
        assertThatThrownBy(() -> AsOfDay.parse("openAsOf", "1300/01/01"))
                .isInstanceOfSatisfying(
                        InvalidParameterException.class,
                        refused -> assertThat(refused.rule()).isEqualTo("FISCAL_YEAR_OUT_OF_RANGE"));
    }
}
