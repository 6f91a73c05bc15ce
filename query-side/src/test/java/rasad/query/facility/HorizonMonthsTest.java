package rasad.query.facility;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HorizonMonthsTest {

    @Test
    void the_configured_horizons_read_as_the_months_people_say() {
        assertThat(HorizonMonths.of("PT4368H")).isEqualTo(6);
        assertThat(HorizonMonths.of("PT8760H")).isEqualTo(12);
        assertThat(HorizonMonths.of("P730D")).isEqualTo(24);
    }

    @Test
    void a_horizon_that_is_not_a_duration_has_no_months() {
        assertThat(HorizonMonths.of("six-months")).isNull();
        assertThat(HorizonMonths.of(null)).isNull();
    }
}
