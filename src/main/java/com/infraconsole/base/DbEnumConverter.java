package com.infraconsole.base;

import jakarta.persistence.AttributeConverter;

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
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : DbEnum.dbValue(value);
    }

    @Override
    public E convertToEntityAttribute(String value) {
        return value == null ? null : DbEnum.fromDbValue(type, value);
    }
}
