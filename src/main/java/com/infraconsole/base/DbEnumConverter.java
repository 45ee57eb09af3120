package com.infraconsole.base;

import jakarta.persistence.AttributeConverter;
import org.jspecify.annotations.Nullable;

/**
 * Maps an enum to its {@link DbEnum} column value and back. A feature's converter is one line:
 * {@code @Converter(autoApply = true) static class DbConverter extends DbEnumConverter<X> { ... }}
 * with a no-argument constructor passing {@code X.class}, as JPA instantiates converters itself.
 */
public abstract class DbEnumConverter<E extends Enum<E>> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected DbEnumConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public @Nullable String convertToDatabaseColumn(@Nullable E value) {
        return value == null ? null : DbEnum.dbValue(value);
    }

    @Override
    public @Nullable E convertToEntityAttribute(@Nullable String value) {
        return value == null ? null : DbEnum.fromDbValue(type, value);
    }
}
