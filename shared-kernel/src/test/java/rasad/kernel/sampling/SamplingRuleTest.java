package rasad.kernel.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rasad.kernel.facility.FacilityId;

class SamplingRuleTest {

    private static List<SamplingFrameEntry> frame(int perStratum, double weightOfFirst) {
        List<SamplingFrameEntry> frame = new ArrayList<>();
        for (String county : List.of("tabriz", "marand")) {
            for (int i = 0; i < perStratum; i++) {
                frame.add(new SamplingFrameEntry(
                        FacilityId.of(county + "-" + i), county, "HOME_BUSINESS", i == 0 ? weightOfFirst : 1.0));
            }
        }
        return frame;
    }

    @Test
    void the_same_seed_and_frame_draw_the_same_sample_whatever_the_frames_order() {
        List<SamplingFrameEntry> frame = frame(50, 1.0);
        List<SamplingFrameEntry> shuffled = new ArrayList<>(frame);
        Collections.reverse(shuffled);

        assertThat(SamplingRule.draw(1403, shuffled, Map.of(), 5))
                .isEqualTo(SamplingRule.draw(1403, frame, Map.of(), 5));
        assertThat(SamplingRule.draw(1404, frame, Map.of(), 5))
                .isNotEqualTo(SamplingRule.draw(1403, frame, Map.of(), 5));
    }

    @Test
    void each_stratum_gives_the_size_asked_or_all_it_has() {
        List<String> drawn = SamplingRule.draw(7, frame(10, 1.0), Map.of("tabriz/HOME_BUSINESS", 3), 20);

        assertThat(drawn.stream().filter(id -> id.startsWith("tabriz"))).hasSize(3);
        assertThat(drawn.stream().filter(id -> id.startsWith("marand"))).hasSize(10);
    }

    @Test
    void a_heavier_risk_weight_is_drawn_more_often() {
        Map<String, Integer> drawsOfRisky = new HashMap<>();
        for (long seed = 0; seed < 400; seed++) {
            for (String id : SamplingRule.draw(seed, frame(20, 10.0), Map.of(), 2)) {
                drawsOfRisky.merge(id, 1, Integer::sum);
            }
        }
        // with weight 10 among 19 of weight 1, drawing 2 of 20: far above the 10 % an ordinary plan gets
        assertThat(drawsOfRisky.getOrDefault("tabriz-0", 0)).isGreaterThan(200);
        assertThat(drawsOfRisky.getOrDefault("tabriz-1", 0)).isLessThan(120);
    }

    @Test
    void the_uniform_numbers_are_in_the_unit_interval_and_fixed_by_the_rule() {
        double u = SamplingRule.uniform(1403, "f-0001");
        assertThat(u).isBetween(0.0, 1.0);
        assertThat(SamplingRule.uniform(1403, "f-0001")).isEqualTo(u);
    }
}
