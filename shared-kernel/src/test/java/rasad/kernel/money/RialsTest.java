package rasad.kernel.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RialsTest {

    @Test
    void one_toman_is_ten_rials() {
        // 121 billion tomans paid for home businesses, as in the committee's report
        Rials homeBusinessPaid = Rials.ofTomans(121_000_000_000L);

        assertThat(homeBusinessPaid.amount()).isEqualTo(1_210_000_000_000L);
        assertThat(homeBusinessPaid.tomans()).isEqualTo(121_000_000_000L);
    }

    @Test
    void an_amount_cannot_be_negative() {
        assertThatThrownBy(() -> new Rials(-1)).extracting("rule").isEqualTo("AMOUNT_NEGATIVE");
    }

    @Test
    void a_positive_amount_refuses_zero() {
        assertThatThrownBy(() -> Rials.positive(0)).extracting("rule").isEqualTo("AMOUNT_NOT_POSITIVE");
        assertThat(Rials.positive(1).amount()).isEqualTo(1);
    }

    @Test
    void tomans_overflowing_a_long_are_refused_rather_than_wrapped() {
        assertThatThrownBy(() -> Rials.ofTomans(Long.MAX_VALUE / 5)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void a_requested_amount_beyond_ten_quadrillion_rials_is_refused() {
        assertThat(Rials.positive(Rials.MAX_REQUESTED).amount()).isEqualTo(10_000_000_000_000_000L);
        assertThatThrownBy(() -> Rials.positive(Long.MAX_VALUE))
                .extracting("rule")
                .isEqualTo("AMOUNT_TOO_LARGE");
    }

    @Test
    void a_sum_beyond_a_long_is_refused_rather_than_wrapped_to_a_negative() {
        assertThat(Rials.of(2).plus(Rials.of(3))).isEqualTo(Rials.of(5));
        assertThatThrownBy(() -> Rials.of(Long.MAX_VALUE).plus(Rials.of(1)))
                .extracting("rule")
                .isEqualTo("AMOUNT_TOO_LARGE");
    }
}
