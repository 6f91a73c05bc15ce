package rasad.web.exports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A table the query side exported as CSV, as an Excel workbook: one sheet, right to left for Persian, the header
 * bold, frozen and filterable, figures as numbers the reader can sum. Codes and ids stay text, so a national id's
 * leading zero survives and a long id is not shown as 4.99E+08.
 */
final class Spreadsheet {

    /** A figure: no leading zero, at most nine digits before the point (amounts are in billions of tomans). */
    private static final Pattern FIGURE = Pattern.compile("-?(0|[1-9]\\d{0,8})(\\.\\d+)?");

    /** Excel refuses a cell longer than this; the CSV keeps the whole text. */
    private static final int LONGEST_CELL = 32_767;

    private Spreadsheet() {}

    static byte[] of(byte[] csv, String sheetName, boolean rightToLeft) {
        List<CSVRecord> records = read(csv);
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName);
            sheet.setRightToLeft(rightToLeft);
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            int widest = 0;
            for (int r = 0; r < records.size(); r++) {
                CSVRecord record = records.get(r);
                Row row = sheet.createRow(r);
                widest = Math.max(widest, record.size());
                for (int c = 0; c < record.size(); c++) {
                    Cell cell = row.createCell(c);
                    String value = record.get(c);
                    if (r == 0) {
                        cell.setCellStyle(header);
                        cell.setCellValue(value);
                    } else if (FIGURE.matcher(value).matches()) {
                        cell.setCellValue(new BigDecimal(value).doubleValue());
                    } else {
                        cell.setCellValue(value.length() > LONGEST_CELL ? value.substring(0, LONGEST_CELL) : value);
                    }
                }
            }
            if (!records.isEmpty() && widest > 0) {
                sheet.createFreezePane(0, 1);
                sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, records.size() - 1), 0, widest - 1));
                for (int c = 0; c < widest; c++) {
                    sheet.setColumnWidth(c, 18 * 256);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException writing) {
            throw new UncheckedIOException(writing);
        }
    }

    private static List<CSVRecord> read(byte[] csv) {
        String text = new String(csv, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try {
            return CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
        } catch (IOException notCsv) {
            throw new UncheckedIOException(notCsv);
        }
    }
}
