package rasad.query.dashboard;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bson.Document;

/** Counters of one or more bucket documents, summed, by field path ({@code bank.bank-melli.paidRials}). */
final class Tally {

    private final Map<String, Long> counts = new TreeMap<>();

    void add(Document bucket) {
        flatten("", bucket);
    }

    private void flatten(String prefix, Document document) {
        document.forEach((key, value) -> {
            if (prefix.isEmpty() && ("_id".equals(key) || "applied".equals(key))) {
                return;
            }
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Document nested) {
                flatten(path, nested);
            } else if (value instanceof Number number) {
                counts.merge(path, number.longValue(), Long::sum);
            }
        });
    }

    long get(String slot, Counter counter) {
        return counts.getOrDefault(slot + "." + counter.name(), 0L);
    }

    /** The codes seen under a breakdown, e.g. every bank with a figure. */
    Set<String> codes(String breakdown) {
        Set<String> codes = new TreeSet<>();
        String prefix = breakdown + ".";
        for (String path : counts.keySet()) {
            if (path.startsWith(prefix)) {
                String rest = path.substring(prefix.length());
                int end = rest.lastIndexOf('.');
                // bank.bank-melli.firstJobDays.41 names a histogram, not a counter
                int histogram = rest.indexOf(".firstJobDays.");
                codes.add(histogram > 0 ? rest.substring(0, histogram) : rest.substring(0, end));
            }
        }
        return codes;
    }

    /** A histogram kept as {@code slot.name.value = count}, e.g. days from grant to first job. */
    Map<Long, Long> histogram(String slot, String name) {
        Map<Long, Long> histogram = new TreeMap<>();
        String prefix = slot + "." + name + ".";
        counts.forEach((path, count) -> {
            if (path.startsWith(prefix) && count > 0) {
                histogram.merge(Long.parseLong(path.substring(prefix.length())), count, Long::sum);
            }
        });
        return histogram;
    }

    static Long median(Map<Long, Long> histogram) {
        long total = histogram.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        long seen = 0;
        for (Map.Entry<Long, Long> bin : histogram.entrySet()) {
            seen += bin.getValue();
            if (seen * 2 >= total) {
                return bin.getKey();
            }
        }
        throw new IllegalStateException("unreachable");
    }

    Figures figures(String slot, Integer targetJobs) {
        return Figures.of(counter -> get(slot, counter), targetJobs);
    }
}
