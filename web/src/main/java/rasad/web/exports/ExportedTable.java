package rasad.web.exports;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import rasad.web.dashboard.Period;

/**
 * The tables the pages show that can be taken away, each the query side's own CSV export of the read the page
 * made: the same rows, the same filters, names and headers in the page's language, amounts in billions of
 * tomans as the committee speaks. Only the filters a table's page has are passed on.
 */
enum ExportedTable {
    DASHBOARD("dashboard", "/api/dashboard/%d", List.of("toMonth")),
    BANKS("banks", "/api/dashboard/%d/banks", List.of("toMonth")),
    QUOTAS("quotas", "/api/dashboard/%d/quotas", List.of()),
    APPROVALS("approvals", "/api/committee-approvals", List.of()),
    ALERTS("alerts", "/api/alerts", List.of("status", "severity", "rule", "county", "bank", "sort")),
    HEAT("heat", "/api/alerts/heat", List.of("status", "severity", "rule")),
    FACILITIES("facilities", "/api/facilities", List.of("nationalId", "name", "county", "bank", "status"));

    /** The whole filtered list, not the page on screen: the query side's longest page of alerts. */
    static final int ALL_ALERTS = 500;

    /** The query side's longest page of facilities; a search by person is far shorter. */
    static final int ALL_FACILITIES = 200;

    private final String name;
    private final String path;
    private final List<String> filters;

    ExportedTable(String name, String path, List<String> filters) {
        this.name = name;
        this.path = path;
        this.filters = filters;
    }

    static Optional<ExportedTable> named(String name) {
        return Arrays.stream(values()).filter(table -> table.name.equals(name)).findFirst();
    }

    String fileName() {
        return name;
    }

    String path(Period period) {
        return path.contains("%d") ? path.formatted(period.year()) : path;
    }

    /** The page's filters this table takes, with the year where the query side asks it as a parameter. */
    Map<String, Object> parameters(Map<String, String> asked, Period period) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (String filter : filters) {
            parameters.put(filter, asked.get(filter));
        }
        if (filters.contains("toMonth")) {
            parameters.put("toMonth", period.toMonth());
        }
        if (this == APPROVALS) {
            parameters.put("fiscalYear", period.year());
        }
        if (this == ALERTS) {
            parameters.putIfAbsent("status", "open");
            parameters.put("size", ALL_ALERTS);
        }
        if (this == HEAT) {
            parameters.putIfAbsent("status", "open");
        }
        if (this == FACILITIES) {
            parameters.put("size", ALL_FACILITIES);
        }
        return parameters;
    }
}
