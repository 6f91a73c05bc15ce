package rasad.endtoend.benchmark;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import rasad.eventstore.engine.ProcessingProgress;

/** What the benchmarks share: timing, HTTP latency percentiles, waiting for processors, a free port. */
final class Benchmarks {

    private Benchmarks() {}

    /** p50 and p99 in milliseconds of {@code measured} GETs as {@code user}, after {@code warmUp} unmeasured. */
    static double[] latency(String url, String user, int warmUp, int measured) throws IOException {
        for (int i = 0; i < warmUp; i++) {
            get(url, user);
        }
        double[] millis = new double[measured];
        for (int i = 0; i < measured; i++) {
            long start = System.nanoTime();
            get(url, user);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return new double[] {millis[measured / 2 - 1], millis[(int) Math.ceil(measured * 0.99) - 1]};
    }

    /** A plain blocking GET on a kept-alive connection, as a page's script would send it. */
    static void get(String url, String user) throws IOException {
        HttpURLConnection connection =
                (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setRequestProperty(
                "Authorization",
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(60_000);
        int status = connection.getResponseCode();
        try (var body = status == 200 ? connection.getInputStream() : connection.getErrorStream()) {
            byte[] read = body.readAllBytes();
            if (status != 200) {
                throw new IllegalStateException(
                        url + " answered " + status + " " + new String(read, StandardCharsets.UTF_8));
            }
        }
    }

    /** Seconds until the named processor (or, with null, every streaming processor) has read up to the head. */
    static double awaitCaughtUp(EventProcessingConfiguration processing, String name, long head)
            throws InterruptedException {
        long start = System.nanoTime();
        long lastLog = start;
        while (true) {
            long slowest = Long.MAX_VALUE;
            for (var entry : processing.eventProcessors().entrySet()) {
                if ((name == null || name.equals(entry.getKey()))
                        && entry.getValue() instanceof StreamingEventProcessor p) {
                    long position = p.processingStatus().values().stream()
                            .mapToLong(status -> ProcessingProgress.of(status.getTrackingToken(), head)
                                    .position())
                            .min()
                            .orElse(0);
                    slowest = Math.min(slowest, position);
                }
            }
            if (slowest >= head) {
                return seconds(start);
            }
            if (System.nanoTime() - lastLog > 10_000_000_000L) {
                log("  %s at %,d of %,d", name == null ? "slowest processor" : name, slowest, head);
                lastLog = System.nanoTime();
            }
            Thread.sleep(100);
        }
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void log(String format, Object... values) {
        System.err.printf(Locale.ROOT, format + "%n", values);
    }
}
