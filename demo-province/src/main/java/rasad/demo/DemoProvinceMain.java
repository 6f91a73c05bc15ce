package rasad.demo;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Loads the demo province into a running Rasad over its command API:
 * {@code java -jar demo-province-exec.jar --command-url http://127.0.0.1:8081 --scale 1.0 --threads 8
 * --token-url http://127.0.0.1:8083/oauth2/token} — a machine with client credentials ({@code --client},
 * {@code --secret}: the demo loader's by default); without {@code --token-url}, a demo user with HTTP Basic
 * ({@code --user}, {@code --password}).
 * Prints a progress bar on stderr, and a summary of what it created.
 */
public final class DemoProvinceMain {

    private DemoProvinceMain() {}

    public static void main(String[] args) {
        String url = option(args, "--command-url", "http://127.0.0.1:8081");
        double scale = Double.parseDouble(option(args, "--scale", "1.0"));
        int threads = Integer.parseInt(option(args, "--threads", "8"));
        String tokenUrl = option(args, "--token-url", null);
        Credentials credentials;
        if (tokenUrl != null) {
            String client = option(args, "--client", "demo-loader");
            credentials = Credentials.clientCredentials(tokenUrl, client, option(args, "--secret", client));
        } else {
            String user = option(args, "--user", "admin");
            credentials = Credentials.basic(user, option(args, "--password", user));
        }
        DemoProvince province = DemoProvince.of(scale, LocalDate.now());
        ProgressBar bar = new ProgressBar(province.requests(), System.console() != null);
        long start = System.nanoTime();
        try {
            new DemoLoader(url, credentials, threads, bar::update).load(province);
        } catch (CommandApiClient.DemoLoadFailed failed) {
            bar.finish();
            System.err.println("demo province: " + failed.getMessage());
            System.exit(1);
        }
        bar.finish();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "Demo province loaded at scale %s: %,d requests in %.0f s (%,.0f/s)%n",
                scale,
                province.requests(),
                seconds,
                province.requests() / seconds);
        System.out.printf(
                Locale.ROOT,
                "  %,d facilities, %,d jobs against a target of %,d; home business: %,d plans, "
                        + "%,d bn tomans; rural: %,d plans; Note 16 paid: relief %,d bn, welfare %,d bn tomans%n",
                province.facilities().size(),
                province.jobs(),
                province.provinceTarget(),
                province.plans("HOME_BUSINESS"),
                province.paidRials("HOME_BUSINESS") / DemoProvince.BN_TOMANS,
                province.plans("RURAL_SUSTAINABLE"),
                paid(province, "relief-committee") / DemoProvince.BN_TOMANS,
                paid(province, "welfare-organization") / DemoProvince.BN_TOMANS);
    }

    private static long paid(DemoProvince province, String agency) {
        return province.facilities().stream()
                .filter(f -> f.programme().equals("SUPPORT_INSTITUTIONS")
                        && f.agency().equals(agency))
                .mapToLong(DemoProvince.Facility::amountRials)
                .sum();
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        for (String arg : args) {
            if (arg.startsWith(name + "=")) {
                return arg.substring(name.length() + 1);
            }
        }
        return fallback;
    }
}
