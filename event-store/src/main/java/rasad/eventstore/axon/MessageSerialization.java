package rasad.eventstore.axon;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * How messages, snapshots and tokens are written: JSON an auditor can read in the raw store. Its own
 * ObjectMapper, so that a change to the REST API's JSON can never change the stored event contract.
 */
public final class MessageSerialization {

    private MessageSerialization() {}

    public static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // An older reader meeting a field added by a newer revision must not fail the processor.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // Aggregate snapshots are plain classes with private state.
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .build();
    }

    public static JacksonSerializer jacksonSerializer() {
        return JacksonSerializer.builder()
                .objectMapper(objectMapper())
                .revisionResolver(new AnnotationRevisionResolver())
                .build();
    }
}
