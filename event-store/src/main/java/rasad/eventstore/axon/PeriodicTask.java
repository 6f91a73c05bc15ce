package rasad.eventstore.axon;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background work repeated on a daemon thread (sealing the store, running due deadlines). A run that found
 * nothing to do doubles the wait before the next, up to {@code whenIdle}; a run that did something brings it
 * back to {@code every}: busy, the work keeps up; at rest, it hardly costs anything. A failed run is logged
 * and tried again after {@code every}; on close the run in progress finishes before the beans it uses (the
 * MongoDB client) are closed, instead of being interrupted mid-write.
 */
public final class PeriodicTask implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final ScheduledThreadPoolExecutor executor;
    private final String name;
    private final Duration every;
    private final Duration whenIdle;
    private final BooleanSupplier work;
    private Duration wait;

    /** Work run every {@code every}, whatever it finds. */
    public PeriodicTask(String name, Duration every, Runnable work) {
        this(name, every, every, () -> {
            work.run();
            return true;
        });
    }

    /** Work that says whether it found anything to do: its wait grows from {@code every} to {@code whenIdle}. */
    public PeriodicTask(String name, Duration every, Duration whenIdle, BooleanSupplier work) {
        this.name = name;
        this.every = every;
        this.whenIdle = whenIdle.compareTo(every) < 0 ? every : whenIdle;
        this.work = work;
        this.wait = every;
        this.executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        // closing cancels the next run instead of waiting for it
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        schedule(every);
    }

    private void runOnce() {
        try {
            boolean busy = work.getAsBoolean();
            wait = busy ? every : min(wait.multipliedBy(2), whenIdle);
        } catch (RuntimeException e) {
            log.warn("{} failed; retrying in {}", name, every, e);
            wait = every;
        }
        schedule(wait);
    }

    private void schedule(Duration delay) {
        try {
            executor.schedule(this::runOnce, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // closed while a run was in progress: nothing more to schedule
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("{} did not finish within 10 s of shutdown", name);
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }
}
