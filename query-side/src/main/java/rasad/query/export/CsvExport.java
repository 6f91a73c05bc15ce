package rasad.query.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import rasad.kernel.calendar.FiscalYear;
import rasad.query.referencedata.ReferenceNames;

/** Writes a list as CSV, for spreadsheets: UTF-8 with a byte-order mark, so that Excel shows Persian text. */
public final class CsvExport {

    private static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private CsvExport() {}

    /** The JSON body, or the rows as CSV, as the options ask. */
    public static <T> ResponseEntity<?> answer(
            Object json, List<T> rows, List<Column<T>> columns, ExportOptions asked, String fileName) {
        return answer(json, rows, columns, asked, fileName, null);
    }

    /** The same, with the names of the codes in {@link Column.Kind#CODE} columns beside them. */
    public static <T> ResponseEntity<?> answer(
            Object json,
            List<T> rows,
            List<Column<T>> columns,
            ExportOptions asked,
            String fileName,
            ReferenceNames names) {
        ExportOptions options = asked.checked();
        if (!options.csv()) {
            return ResponseEntity.ok(json);
        }
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName + ".csv")
                                .build()
                                .toString())
                .body(write(rows, columns, options, names));
    }

    static <T> String write(List<T> rows, List<Column<T>> columns, ExportOptions options) {
        return write(rows, columns, options, null);
    }

    static <T> String write(List<T> rows, List<Column<T>> columns, ExportOptions options, ReferenceNames names) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(
                out, CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get())) {
            printer.printRecord(headers(columns, options));
            for (T row : rows) {
                printer.printRecord(values(row, columns, options, names));
            }
        } catch (IOException cannotHappenInMemory) {
            throw new UncheckedIOException(cannotHappenInMemory);
        }
        return out.toString();
    }

    private static <T> List<String> headers(List<Column<T>> columns, ExportOptions options) {
        List<String> headers = new ArrayList<>();
        for (Column<T> column : columns) {
            String name = options.persian() ? column.fa() : column.en();
            switch (column.kind()) {
                case DATE -> {
                    headers.add(name + (options.persian() ? " (شمسی)" : " (Solar Hijri)"));
                    headers.add(name + (options.persian() ? " (میلادی)" : " (ISO)"));
                }
                case CODE -> {
                    headers.add(name);
                    headers.add(name + (options.persian() ? " (نام)" : " (name)"));
                }
                case RIALS ->
                    headers.add(name
                            + (options.billionTomans()
                                    ? options.persian() ? " (میلیارد تومان)" : " (bn tomans)"
                                    : options.tomans()
                                            ? options.persian() ? " (تومان)" : " (tomans)"
                                            : options.persian() ? " (ریال)" : " (rials)"));
                default -> headers.add(name);
            }
        }
        return headers;
    }

    private static <T> List<Object> values(
            T row, List<Column<T>> columns, ExportOptions options, ReferenceNames names) {
        List<Object> values = new ArrayList<>();
        for (Column<T> column : columns) {
            Object value = column.value().apply(row);
            switch (column.kind()) {
                case DATE -> {
                    LocalDate date = value instanceof LocalDate known
                            ? known
                            : value == null ? null : LocalDate.parse(value.toString());
                    values.add(date == null ? "" : FiscalYear.solarHijri(date));
                    values.add(date == null ? "" : date.toString());
                }
                case RIALS ->
                    values.add(
                            value == null
                                    ? ""
                                    : options.billionTomans()
                                            ? BigDecimal.valueOf(((Number) value).longValue())
                                                    .movePointLeft(10)
                                                    .setScale(3, RoundingMode.HALF_EVEN)
                                                    .toPlainString()
                                            : options.tomans()
                                                    ? BigDecimal.valueOf(((Number) value).longValue())
                                                            .movePointLeft(1)
                                                            .stripTrailingZeros()
                                                            .toPlainString()
                                                    : String.valueOf(((Number) value).longValue()));
                case CODE -> {
                    if (names == null) {
                        throw new IllegalStateException("column " + column.en() + " names codes: pass the names");
                    }
                    String code = value == null ? null : value.toString();
                    String name = names.name(column.namedAs().apply(row), code, options.language());
                    values.add(code == null ? "" : code);
                    values.add(name == null ? "" : name);
                }
                default -> values.add(value == null ? "" : value);
            }
        }
        return values;
    }
}
