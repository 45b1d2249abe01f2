package dev.appinstances.persistence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * How jsonb columns are written and read, whichever way a row is read: ISO-8601 instants (not epoch
 * numbers), nulls left out, unknown properties tolerated so that older rows stay readable after a
 * model grows.
 */
public final class JsonColumns {

    static final ObjectMapper MAPPER =
            JsonMapper.builder()
                    .addModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                    .serializationInclusion(JsonInclude.Include.NON_NULL)
                    .build();

    private JsonColumns() {}

    /** A column's JSON text as the type; null for SQL null. */
    public static <T> T read(String json, Class<T> type) {
        return json == null ? null : parse(json, MAPPER.readerFor(type));
    }

    public static <T> T read(String json, TypeReference<T> type) {
        return json == null ? null : parse(json, MAPPER.readerFor(type));
    }

    private static <T> T parse(String json, ObjectReader reader) {
        try {
            return reader.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A jsonb column holds unreadable JSON", e);
        }
    }
}
