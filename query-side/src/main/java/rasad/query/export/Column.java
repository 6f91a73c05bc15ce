package rasad.query.export;

import java.util.function.Function;

/** A column of an exported list: its headers in Persian and English, what it holds, and how to read it from a row. */
public record Column<T>(String fa, String en, Kind kind, Function<T, Object> value) {

    /** How a value is written: dates twice (Solar Hijri and ISO), amounts in the currency asked for. */
    public enum Kind {
        TEXT,
        NUMBER,
        RIALS,
        DATE
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
