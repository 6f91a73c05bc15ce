package rasad.endtoend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import rasad.demo.DemoLoader;
import rasad.demo.DemoProvince;
import rasad.kernel.people.NationalId;

/**
 * Time from a triggering command to its alert visible in the query API, on the embedded default (H2 file):
 * a bank reports a payment beyond a facility's grant (refused, kept, rule R10), and the probe asks the query
 * side for the alert every 10 ms until it answers. Measured first on an idle Rasad (the baseline), then while
 * the demo province loads at full speed beside it. Both sides, the loader and the probe share the machine.
 * <p>Run by {@code bench/alert-latency.sh [scale] [threads]}; prints a Markdown table for docs/performance.md.
 */
public final class AlertLatencyBenchmark {

    private static final RasadHttp HTTP = new RasadHttp();

    private AlertLatencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 0.1;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Path dir = Files.createTempDirectory("rasad-alert-latency");
        try (RasadCluster rasad = RasadCluster.embedded(EmbeddedDefaultEndToEndTest.freePort(), dir, "h2")) {
            int probes = 400;
            for (int i = 0; i < probes; i++) {
                grantAndPay(rasad, "probe-" + i, i);
            }
            List<Long> idle = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                idle.add(probe(rasad, "probe-" + i));
            }

            DemoProvince province = DemoProvince.of(scale, LocalDate.now());
            AtomicBoolean loading = new AtomicBoolean(true);
            long started = System.nanoTime();
            Thread loader = new Thread(
                    () -> {
                        try {
                            new DemoLoader(rasad.commandUrl(), "admin", "admin", threads, sent -> {}).load(province);
                        } finally {
                            loading.set(false);
                        }
                    },
                    "demo-loader");
            loader.start();
            List<Long> underLoad = new ArrayList<>();
            for (int i = 40; i < probes && loading.get(); i++) {
                underLoad.add(probe(rasad, "probe-" + i));
                Thread.sleep(250);
            }
            loader.join();
            double loadSeconds = (System.nanoTime() - started) / 1e9;

            System.out.printf(
                    "%n| measure | idle (baseline) | during the demo load (scale %s, %d threads, %.0f s, %,d requests) | ratio |%n",
                    scale, threads, loadSeconds, province.requests());
            System.out.println("|---|---|---|---|");
            row("probes", idle.size(), underLoad.size());
            row("p50, ms", percentile(idle, 50), percentile(underLoad, 50));
            row("p99, ms", percentile(idle, 99), percentile(underLoad, 99));
            row("max, ms", percentile(idle, 100), percentile(underLoad, 100));
        }
    }

    private static void grantAndPay(RasadCluster rasad, String facility, int i) {
        String nationalId =
                NationalId.completing(String.format("%09d", 700_000_000 + i)).value();
        require(
                HTTP.post(
                        rasad.commandUrl() + "/api/facilities",
                        "admin",
                        RasadHttp.grant(facility, nationalId, "tabriz", "bank-melli")),
                201);
        require(
                HTTP.post(
                        rasad.commandUrl() + "/api/facilities/" + facility + "/tranches",
                        "admin",
                        "{\"trancheId\": \"t1\", \"amountRials\": 3000000000, \"paidOn\": \"2025-05-10\"}"),
                201);
    }

    /** Milliseconds from the refused payment to its R10 alert in the query API. */
    private static long probe(RasadCluster rasad, String facility) throws InterruptedException {
        long start = System.nanoTime();
        require(
                HTTP.post(
                        rasad.commandUrl() + "/api/facilities/" + facility + "/tranches",
                        "admin",
                        "{\"trancheId\": \"t-over\", \"amountRials\": 1, \"paidOn\": \"2025-06-10\"}"),
                409);
        String alert = rasad.queryUrl() + "/api/alerts/r10." + facility;
        while (HTTP.get(alert, "manager").status() != 200) {
            Thread.sleep(10);
            if (System.nanoTime() - start > 300_000_000_000L) {
                throw new IllegalStateException("no alert for " + facility + " after five minutes");
            }
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void require(RasadHttp.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException(
                    "expected " + status + ", got " + response.status() + ": " + response.body());
        }
    }

    static long percentile(List<Long> values, int percentile) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static void row(String measure, long idle, long underLoad) {
        System.out.printf(
                "| %s | %,d | %,d | %s |%n",
                measure, idle, underLoad, idle > 0 ? String.format("%.1f×", (double) underLoad / idle) : "—");
    }
}
