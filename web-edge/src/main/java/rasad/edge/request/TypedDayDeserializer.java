package rasad.edge.request;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.LocalDate;
import rasad.kernel.calendar.TypedDay;
import rasad.kernel.validation.InvalidValueException;

/**
 * A day in a request body: a string, ISO or Solar Hijri (see {@link TypedDay}), within the business window.
 * A number (20250501 would be read as days since 1970) is the wrong type and a date-time is refused: neither
 * is guessed at.
 */
class TypedDayDeserializer extends StdScalarDeserializer<LocalDate> {

    private final BusinessDates window;

    TypedDayDeserializer(BusinessDates window) {
        super(LocalDate.class);
        this.window = window;
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            // a number or a boolean is the wrong JSON type, answered like any other (TYPE_MISMATCH)
            return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
        }
        try {
            return window.check(TypedDay.parse(parser.getText()));
        } catch (InvalidValueException refused) {
            throw refused(parser, refused);
        }
    }

    static JsonMappingException refused(JsonParser parser, InvalidValueException rule) {
        return JsonMappingException.from(parser, rule.getMessage(), rule);
    }
}
