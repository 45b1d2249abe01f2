package dev.appinstances.persistence;

import io.quarkus.hibernate.orm.JsonFormat;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;
import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;

/** Hibernate's side of {@link JsonColumns}: jsonb columns of entities. */
@JsonFormat
@PersistenceUnitExtension
public class JsonColumnFormat implements FormatMapper {

    private final FormatMapper delegate = new JacksonJsonFormatMapper(JsonColumns.MAPPER);

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
