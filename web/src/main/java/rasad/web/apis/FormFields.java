package rasad.web.apis;

import java.util.Map;

/** A form's fields as a command's body: a field left empty is left out, so the command side names it if needed. */
public final class FormFields {

    private FormFields() {}

    public static void putIfTyped(Map<String, Object> body, String field, String value) {
        if (value != null && !value.isBlank()) {
            body.put(field, value.strip());
        }
    }
}
