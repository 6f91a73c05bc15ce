package rasad.eventstore.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

class ProcessingProgressTest {

    @Test
    void a_processor_a_quarter_through_a_provinces_year_says_how_far_and_how_long() {
        var token = GapAwareTrackingToken.newInstance(75_000, List.of(74_990L));

        ProcessingProgress progress = ProcessingProgress.of(token, 300_000);

        assertThat(progress.behind()).isEqualTo(225_000);
        assertThat(progress.fraction()).isEqualTo(0.25);
        assertThat(progress.eta(2_500)).contains(Duration.ofSeconds(90));
        assertThat(progress).hasToString("75,000 of 300,000 events (25.0 %)");
    }

    @Test
    void a_replay_reports_the_position_it_has_reached() {
        var replay = ReplayToken.createReplayToken(
                GapAwareTrackingToken.newInstance(1_000, List.of()), GapAwareTrackingToken.newInstance(400, List.of()));

        assertThat(ProcessingProgress.of(replay, 1_000).position()).isEqualTo(400);
    }

    @Test
    void without_a_token_nothing_is_read_and_without_progress_there_is_no_eta() {
        ProcessingProgress progress = ProcessingProgress.of(null, 10);

        assertThat(progress.position()).isZero();
        assertThat(progress.eta(0)).isEmpty();
        assertThat(ProcessingProgress.of(null, 0).fraction()).isEqualTo(1.0);
    }
}
