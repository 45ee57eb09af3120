package com.infraconsole.base.ui;

import jakarta.persistence.Column;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Field;

/**
 * A form field's length limit, read from the entity it edits, so that the limit is written once:
 * in the entity's {@code @Size(max)} (which the service enforces and the message names), or, for a
 * property without one, its {@code @Column(length)}. A form that sets {@code setMaxLength} from
 * here cannot drift from the column after a migration changes it in the entity.
 */
public final class FieldLimits {

    private FieldLimits() {}

    /** @throws IllegalArgumentException for a property with no such field or no stated limit */
    public static int maxLength(Class<?> entity, String property) {
        var field = field(entity, property);
        var size = field.getAnnotation(Size.class);
        if (size != null && size.max() != Integer.MAX_VALUE) {
            return size.max();
        }
        var column = field.getAnnotation(Column.class);
        if (column != null
                && field.getType() == String.class
                && column.columnDefinition().isEmpty()) {
            return column.length();
        }
        throw new IllegalArgumentException(entity.getSimpleName() + "." + property + " states no length limit");
    }

    private static Field field(Class<?> entity, String property) {
        for (Class<?> c = entity; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(property);
            } catch (NoSuchFieldException e) {
                // declared further up
            }
        }
        throw new IllegalArgumentException(entity.getSimpleName() + " has no property " + property);
    }
}
