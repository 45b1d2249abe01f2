package dev.appinstances.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.hibernate.orm.JsonFormat;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;
import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;

/**
 * How jsonb columns are written: ISO-8601 instants (not epoch numbers), nulls left out, unknown
 * properties tolerated so that older rows stay readable after a model grows.
 */
@JsonFormat
@PersistenceUnitExtension
public class JsonColumnFormat implements FormatMapper {

    private final FormatMapper delegate =
            new JacksonJsonFormatMapper(
                    JsonMapper.builder()
                            .addModule(new JavaTimeModule())
                            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                            .serializationInclusion(JsonInclude.Include.NON_NULL)
                            .build());

    @Override
    public <T> T fromString(
            CharSequence value, JavaType<T> javaType, WrapperOptions wrapperOptions) {
        return delegate.fromString(value, javaType, wrapperOptions);
    }

    @Override
    public <T> String toString(T value, JavaType<T> javaType, WrapperOptions wrapperOptions) {
        return delegate.toString(value, javaType, wrapperOptions);
    }
}
