package rasad.web.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class SpreadsheetTest {

    @Test
    void figures_become_numbers_and_ids_keep_their_digits() throws Exception {
        // given the query side's CSV of a search by person, with its byte-order mark
        String csv = "\uFEFFکد ملی,تسهیلات,مبلغ (میلیارد تومان),طرح‌ها\r\n"
                + "0499370899,f-0001,0.300,12\r\n"
                + "1234567890,\"f-0002, رد شده\",-1.5,\r\n";

        // when it is written as a workbook in Persian
        Sheet sheet = sheet(Spreadsheet.of(csv.getBytes(StandardCharsets.UTF_8), "facilities", true));

        // then the sheet reads right to left, the header as it was, and only the figures are numbers
        assertThat(sheet.isRightToLeft()).isTrue();
        assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("کد ملی");
        Row first = sheet.getRow(1);
        assertThat(first.getCell(0).getCellType()).isEqualTo(CellType.STRING);
        assertThat(first.getCell(0).getStringCellValue()).isEqualTo("0499370899");
        assertThat(first.getCell(2).getNumericCellValue()).isEqualTo(0.3);
        assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(12.0);
        Row second = sheet.getRow(2);
        assertThat(second.getCell(0).getCellType()).isEqualTo(CellType.STRING);
        assertThat(second.getCell(1).getStringCellValue()).isEqualTo("f-0002, رد شده");
        assertThat(second.getCell(2).getNumericCellValue()).isEqualTo(-1.5);
        assertThat(second.getCell(3).getStringCellValue()).isEmpty();
    }

    @Test
    void a_table_with_no_rows_is_a_sheet_with_its_header_only() throws Exception {
        Sheet sheet = sheet(Spreadsheet.of("Bank,Paid\r\n".getBytes(StandardCharsets.UTF_8), "banks", false));

        assertThat(sheet.isRightToLeft()).isFalse();
        assertThat(sheet.getLastRowNum()).isZero();
        assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Paid");
    }

    private static Sheet sheet(byte[] xlsx) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            return workbook.getSheetAt(0);
        }
    }
}
