package rasad.eventstore.engine;

import java.time.Duration;

/**
 * How often a reader that has caught up really asks the store for events another process wrote. Axon's event
 * store asks this engine every fetch delay (100 ms); when nothing came at the last look, the next look waits
 * twice as long, up to {@code longest}, so an idle Rasad does not keep its database busy. An event read, or
 * one appended through this engine, brings the looks back to every fetch delay at once: local writes are seen
 * without delay, and another process's first event after a quiet spell within {@code longest}.
 */
final class QuietPolling {

    private static final long FIRST_WAIT_NANOS = Duration.ofMillis(100).toNanos();

    private final long longestWaitNanos;
    /** The head the last look found nothing beyond; -1 while events are coming. */
    private long quietAt = -1;

    private long waitNanos;
    private long nextLookAt;

    QuietPolling(Duration longest) {
        this.longestWaitNanos = longest.toNanos();
    }

    /** Whether a reader at {@code index} with no gaps to look at again is as far as the last empty look. */
    synchronized boolean caughtUp(long index) {
        return longestWaitNanos > 0 && quietAt >= 0 && index >= quietAt;
    }

    /** For a reader that has caught up: whether the store should be asked now. */
    synchronized boolean mayLook() {
        return System.nanoTime() - nextLookAt >= 0;
    }

    /** A look found the store's head at {@code head}, with nothing after the reader's position. */
    synchronized void foundNothingAfter(long head) {
        if (longestWaitNanos <= 0) {
            return;
        }
        waitNanos = quietAt == head ? Math.min(longestWaitNanos, Math.max(FIRST_WAIT_NANOS, waitNanos * 2)) : 0;
        quietAt = head;
        nextLookAt = System.nanoTime() + waitNanos;
    }

    /** Something was read or written: look at every fetch again. */
    synchronized void eventsCame() {
        quietAt = -1;
        waitNanos = 0;
    }
}
