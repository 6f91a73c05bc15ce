package rasad.query.referencedata;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Map;

/**
 * A read model's item as stored, with {@code names}: the names of its codes in the language asked for, keyed by
 * the fields that hold the codes ({@code "bank": "بانک ملی"} beside {@code "bank": "bank-melli"}).
 */
public record Named<T>(@JsonUnwrapped T item, Map<String, String> names) {}
