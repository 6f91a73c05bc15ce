package rasad.kernel.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import rasad.kernel.validation.InvalidValueException;

class FiscalYearTest {

    @ParameterizedTest(name = "1 Farvardin {0} is {1}")
    @CsvSource({
        "1402, 2023-03-21",
        "1403, 2024-03-20", // the equinox, and so Nowruz, fell on 20 March that year
        "1404, 2025-03-21",
        "1405, 2026-03-21"
    })
    void a_fiscal_year_starts_on_nowruz(int year, LocalDate nowruz) {
        assertThat(FiscalYear.of(year).firstDay()).isEqualTo(nowruz);
        assertThat(FiscalYear.containing(nowruz)).isEqualTo(FiscalYear.of(year));
        assertThat(FiscalYear.containing(nowruz.minusDays(1))).isEqualTo(FiscalYear.of(year - 1));
    }

    @Test
    void esfand_of_a_leap_year_has_thirty_days() {
        assertThat(FiscalYear.of(1403).lastDay()).isEqualTo(LocalDate.of(2025, 3, 20));
        assertThat(FiscalYear.of(1403).lastDay().minusDays(29)).isEqualTo(LocalDate.of(2025, 2, 19));
    }

    @Test
    void the_reports_ten_months_end_with_dey() {
        // the committee met after ten months of 1403: 1 Farvardin to the end of Dey
        assertThat(FiscalYear.monthOf(LocalDate.of(2025, 1, 19))).isEqualTo(10); // 30 Dey 1403
        assertThat(FiscalYear.monthOf(LocalDate.of(2025, 1, 20))).isEqualTo(11); // 1 Bahman 1403
        assertThat(FiscalYear.of(1403).contains(LocalDate.of(2025, 1, 19))).isTrue();
    }

    @Test
    void months_end_after_31_days_in_the_first_half_and_30_in_the_second() {
        assertThat(FiscalYear.of(1404).lastDayOfMonth(1)).isEqualTo(LocalDate.of(2025, 4, 20)); // 31 Farvardin
        assertThat(FiscalYear.of(1404).lastDayOfMonth(6)).isEqualTo(LocalDate.of(2025, 9, 22)); // 31 Shahrivar
        assertThat(FiscalYear.of(1404).lastDayOfMonth(10)).isEqualTo(LocalDate.of(2026, 1, 20)); // 30 Dey
        assertThat(FiscalYear.of(1403).lastDayOfMonth(12)).isEqualTo(LocalDate.of(2025, 3, 20));
        assertThat(FiscalYear.monthOf(FiscalYear.of(1404).lastDayOfMonth(7))).isEqualTo(7);
        assertThat(FiscalYear.monthOf(FiscalYear.of(1404).lastDayOfMonth(7).plusDays(1)))
                .isEqualTo(8);
    }

    @Test
    void dates_are_written_as_iranians_write_them() {
        assertThat(FiscalYear.solarHijri(LocalDate.of(2025, 3, 21))).isEqualTo("1404/01/01");
        assertThat(FiscalYear.solarHijri(LocalDate.of(2025, 1, 19))).isEqualTo("1403/10/30");
        assertThat(FiscalYear.solarHijri(LocalDate.of(2026, 11, 26))).isEqualTo("1405/09/05");
    }

    @Test
    void years_outside_rasads_range_are_refused() {
        assertThatThrownBy(() -> FiscalYear.of(2025)).extracting("rule").isEqualTo("FISCAL_YEAR_OUT_OF_RANGE");
    }

    @Test
    void a_date_in_no_fiscal_year_rasad_keeps_is_refused_with_its_rule_not_an_error_of_the_calendar() {
        for (LocalDate far : new LocalDate[] {
            LocalDate.of(2999, 1, 1), LocalDate.of(1900, 1, 1), LocalDate.of(10_000, 1, 1), LocalDate.MAX, LocalDate.MIN
        }) {
            assertThatThrownBy(() -> FiscalYear.containing(far))
                    .as(far.toString())
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("falls in no fiscal year");
        }
        assertThat(FiscalYear.containing(LocalDate.of(2025, 5, 10))).isEqualTo(FiscalYear.of(1404));
    }
}
