package rasad.web.exports;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import rasad.web.apis.Download;
import rasad.web.apis.QueryApi;
import rasad.web.dashboard.Period;
import rasad.web.language.PageLanguage;

/** Every table the pages show, as CSV or as an Excel workbook, with the filters of the page it was taken from. */
@Controller
class ExportController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final QueryApi query;

    ExportController(QueryApi query) {
        this.query = query;
    }

    @GetMapping("/exports/{table}.{format}")
    ResponseEntity<byte[]> export(
            @PathVariable String table, @PathVariable String format, @RequestParam Map<String, String> asked) {
        ExportedTable exported = ExportedTable.named(table)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no table " + table));
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "tables are exported as csv or xlsx");
        }
        Period period = Period.of(number(asked.get("year"), Period.FISCAL_YEAR), number(asked.get("toMonth"), 12));
        Map<String, Object> parameters = new LinkedHashMap<>(exported.parameters(asked, period));
        parameters.put("format", "csv");
        parameters.put("lang", PageLanguage.code());
        parameters.put("currency", "bn-tomans");
        byte[] csv = query.bytes(exported.path(period), parameters);
        String fileName = exported.fileName() + "-" + period.year() + "." + format;
        boolean spreadsheet = format.equals("xlsx");
        return Download.of(
                spreadsheet ? Spreadsheet.of(csv, exported.fileName(), "fa".equals(PageLanguage.code())) : csv,
                spreadsheet ? XLSX : new MediaType("text", "csv", StandardCharsets.UTF_8),
                fileName);
    }

    /** A year or month from a page's link; anything else is the default, as the pages themselves treat it. */
    private static int number(String value, int otherwise) {
        if (value == null || !value.strip().matches("\\d{1,4}")) {
            return otherwise;
        }
        return Integer.parseInt(value.strip());
    }
}
