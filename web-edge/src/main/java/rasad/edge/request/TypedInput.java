package rasad.edge.request;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How request bodies are read, on both sides: strictly (a field that does not exist, or a null inside a list
 * or map, is a 400 naming it) and as people type (an enum in any case, a day in Solar Hijri, Persian digits).
 * Only the HTTP edge reads this way: the mapper that stores events and read models is left as it is, so that
 * what was once recorded always reads back.
 */
public class TypedInput implements WebMvcConfigurer {

    private final BusinessDates dates;

    public TypedInput(BusinessDates dates) {
        this.dates = dates;
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter json) {
                json.setObjectMapper(strict(json.getObjectMapper()));
            }
        }
    }

    ObjectMapper strict(ObjectMapper shared) {
        ObjectMapper reading = shared.copy();
        if (reading instanceof JsonMapper jsonMapper) {
            reading = jsonMapper
                    .rebuild()
                    .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                    .build();
        }
        reading.enable(
                DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        reading.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        reading.registerModule(new SimpleModule("rasad-typed-input")
                .addDeserializer(LocalDate.class, new TypedDayDeserializer(dates))
                .addDeserializer(Instant.class, new TypedInstantDeserializer(dates))
                .addDeserializer(String.class, new TypedTextDeserializer(TextRules.DEFAULT_MAX_LENGTH)));
        return reading;
    }
}
