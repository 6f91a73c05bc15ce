package rasad.query.export;

import java.util.function.Function;

/**
 * A column of an exported list: its headers in Persian and English, what it holds, and how to read it from a row;
 * for a code, the kind of reference data (or Rasad vocabulary) that names it.
 */
public record Column<T>(String fa, String en, Kind kind, Function<T, Object> value, Function<T, String> namedAs) {

    /** How a value is written: dates twice (Solar Hijri and ISO), amounts in the currency asked for. */
    public enum Kind {
        TEXT,
        NUMBER,
        RIALS,
        DATE,
        /** A code, then its name in the CSV's language. */
        CODE
    }

    public Column(String fa, String en, Kind kind, Function<T, Object> value) {
        this(fa, en, kind, value, null);
    }

    /** A code named by reference data or Rasad's vocabulary: PROGRAMME, BANK, COUNTY, FACILITY_STATUS… */
    public static <T> Column<T> code(String fa, String en, String namedAs, Function<T, Object> value) {
        return new Column<>(fa, en, Kind.CODE, value, row -> namedAs);
    }

    /** A code whose kind the row tells, as a quota's holder is a BANK or an AGENCY. */
    public static <T> Column<T> codeOfKind(
            String fa, String en, Function<T, String> namedAs, Function<T, Object> value) {
        return new Column<>(fa, en, Kind.CODE, value, namedAs);
    }

    public static <T> Column<T> text(String fa, String en, Function<T, Object> value) {
        return new Column<>(fa, en, Kind.TEXT, value);
    }

    public static <T> Column<T> number(String fa, String en, Function<T, Object> value) {
        return new Column<>(fa, en, Kind.NUMBER, value);
    }

    public static <T> Column<T> rials(String fa, String en, Function<T, Object> value) {
        return new Column<>(fa, en, Kind.RIALS, value);
    }

    public static <T> Column<T> date(String fa, String en, Function<T, Object> value) {
        return new Column<>(fa, en, Kind.DATE, value);
    }
}
