package rasad.edge.request;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import rasad.kernel.validation.InvalidValueException;

/**
 * Every string in a request body, read under {@link TextRules}: at most its field's {@code @Schema(maxLength)}
 * characters (the OpenAPI says the same number), or the default when the field names none. Numbers and
 * booleans are refused where text belongs, as elsewhere in a strict body.
 */
class TypedTextDeserializer extends StdScalarDeserializer<String> implements ContextualDeserializer {

    private final int maxLength;

    TypedTextDeserializer(int maxLength) {
        super(String.class);
        this.maxLength = maxLength;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
        Schema schema = property == null ? null : property.getAnnotation(Schema.class);
        return schema != null && schema.maxLength() > 0 && schema.maxLength() != maxLength
                ? new TypedTextDeserializer(schema.maxLength())
                : this;
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return (String) context.handleUnexpectedToken(String.class, parser);
        }
        String text = parser.getText();
        try {
            return TextRules.check(text, maxLength);
        } catch (InvalidValueException refused) {
            throw TypedDayDeserializer.refused(parser, refused);
        }
    }
}
