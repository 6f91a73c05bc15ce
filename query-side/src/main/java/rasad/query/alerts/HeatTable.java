package rasad.query.alerts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Where alerts gather: a count per bank (rows) and county (columns), every cell present, with each row's,
 * each column's and the grand total. An alert without a bank or a county (a bank-wide one has no county) is
 * counted under {@value #NONE}, which no code can be.
 */
record HeatTable(List<String> counties, List<Row> rows, Map<String, Long> countyTotals, long total) {

    static final String NONE = "(none)";

    record Row(String bank, Map<String, Long> counts, long total) {}

    static HeatTable of(List<AlertEpisode> episodes) {
        Comparator<String> codesThenNone =
                Comparator.comparing((String code) -> NONE.equals(code)).thenComparing(Comparator.naturalOrder());
        TreeSet<String> banks = new TreeSet<>(codesThenNone);
        TreeSet<String> counties = new TreeSet<>(codesThenNone);
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (AlertEpisode episode : episodes) {
            String bank = orNone(episode.subject().bank());
            String county = orNone(episode.subject().county());
            banks.add(bank);
            counties.add(county);
            counts.computeIfAbsent(bank, ignored -> new LinkedHashMap<>()).merge(county, 1L, Long::sum);
        }
        List<Row> rows = new ArrayList<>();
        Map<String, Long> countyTotals = zeros(counties);
        for (String bank : banks) {
            Map<String, Long> row = zeros(counties);
            counts.get(bank).forEach((county, count) -> {
                row.put(county, count);
                countyTotals.merge(county, count, Long::sum);
            });
            rows.add(new Row(
                    bank, row, row.values().stream().mapToLong(Long::longValue).sum()));
        }
        return new HeatTable(List.copyOf(counties), rows, countyTotals, episodes.size());
    }

    /** The rows, then the totals as a last row named {@code total}, as a spreadsheet shows them. */
    List<Row> rowsWithTotals() {
        List<Row> all = new ArrayList<>(rows);
        all.add(new Row("total", countyTotals, total));
        return all;
    }

    private static Map<String, Long> zeros(Iterable<String> counties) {
        Map<String, Long> zeros = new LinkedHashMap<>();
        counties.forEach(county -> zeros.put(county, 0L));
        return zeros;
    }

    private static String orNone(String code) {
        return code == null ? NONE : code;
    }
}
