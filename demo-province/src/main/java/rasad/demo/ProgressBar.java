package rasad.demo;

import java.util.Locale;

/** One line on stderr, rewritten in place on a terminal, or a line every five seconds into a log. */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final long total;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long lastShown;

    ProgressBar(long total, boolean terminal) {
        this.total = total;
        this.terminal = terminal;
    }

    synchronized void update(long done) {
        long now = System.nanoTime();
        if (done < total && now - lastShown < (terminal ? 200_000_000L : 5_000_000_000L)) {
            return;
        }
        lastShown = now;
        double seconds = (now - start) / 1e9;
        double rate = done / Math.max(seconds, 0.001);
        long eta = rate > 0 ? Math.round((total - done) / rate) : 0;
        int filled = (int) (WIDTH * Math.min(1.0, (double) done / total));
        String line = String.format(
                Locale.ROOT,
                "[%s%s] %3d%% %,d/%,d requests %,.0f/s ETA %dm%02ds",
                "#".repeat(filled),
                ".".repeat(WIDTH - filled),
                100 * done / total,
                done,
                total,
                rate,
                eta / 60,
                eta % 60);
        System.err.print(terminal ? "\r" + line : line + System.lineSeparator());
    }

    synchronized void finish() {
        if (terminal) {
            System.err.println();
        }
    }
}
