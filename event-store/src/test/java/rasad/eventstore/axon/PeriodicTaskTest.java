package rasad.eventstore.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Work that finds nothing to do is run less and less often; work that is busy keeps its pace. */
class PeriodicTaskTest {

    @Test
    void idle_work_waits_twice_as_long_each_time_up_to_its_longest_wait() throws InterruptedException {
        AtomicInteger idleRuns = new AtomicInteger();
        AtomicInteger busyRuns = new AtomicInteger();
        try (PeriodicTask idle = new PeriodicTask("idle", Duration.ofMillis(50), Duration.ofMillis(400), () -> {
                    idleRuns.incrementAndGet();
                    return false;
                });
                PeriodicTask busy = new PeriodicTask("busy", Duration.ofMillis(50), Duration.ofMillis(400), () -> {
                    busyRuns.incrementAndGet();
                    return true;
                })) {
            Thread.sleep(1_600);
        }
        // idle: after 50, 150, 350, 750, 1150, 1550 ms — six runs where the busy one has about thirty
        assertThat(idleRuns.get()).isBetween(3, 8);
        assertThat(busyRuns.get()).isGreaterThan(15);
    }

    @Test
    void closing_cancels_the_next_run_instead_of_waiting_for_it() {
        AtomicInteger runs = new AtomicInteger();
        long start = System.nanoTime();
        try (PeriodicTask task = new PeriodicTask("slow", Duration.ofSeconds(30), Duration.ofSeconds(30), () -> {
            runs.incrementAndGet();
            return false;
        })) {
            assertThat(task).isNotNull();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(runs.get()).isZero();
    }
}
