package rasad.edge.request;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import rasad.kernel.validation.InvalidValueException;

/**
 * An instant in a request body (when a check was made, the device's clock at a visit): an ISO-8601 string with
 * its offset ({@code 2025-06-10T08:00:00Z}, {@code 2025-06-10T11:30:00+03:30}), within the business window. A
 * bare number is the wrong type: seconds or milliseconds since 1970 cannot be told apart.
 */
class TypedInstantDeserializer extends StdScalarDeserializer<Instant> {

    private final BusinessDates window;

    TypedInstantDeserializer(BusinessDates window) {
        super(Instant.class);
        this.window = window;
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return (Instant) context.handleUnexpectedToken(Instant.class, parser);
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(parser.getText().strip()).toInstant();
        } catch (DateTimeException unreadable) {
            throw TypedDayDeserializer.refused(
                    parser,
                    new InvalidValueException(
                            "INSTANT_FORMAT",
                            "an instant with its offset: 2025-06-10T08:00:00Z or 2025-06-10T11:30:00+03:30"));
        }
        try {
            return window.check(instant);
        } catch (InvalidValueException refused) {
            throw TypedDayDeserializer.refused(parser, refused);
        } catch (DateTimeException beyondEveryCalendar) {
            throw TypedDayDeserializer.refused(
                    parser,
                    new InvalidValueException(
                            "DATE_OUT_OF_RANGE", "an instant within the years Rasad keeps records of"));
        }
    }
}
