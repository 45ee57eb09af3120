package com.infraconsole.audit;

import com.infraconsole.base.AbstractEntity;
import com.infraconsole.base.audit.AuditIgnored;
import com.infraconsole.base.audit.AuditMasked;
import com.infraconsole.base.audit.SecretYaml;
import java.lang.reflect.Field;
import java.time.temporal.TemporalAccessor;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.type.CompositeType;

/**
 * The one mechanism that records entity changes: Hibernate calls it after every insert, update
 * and delete it sends to the database, with the old and new state, for every entity, so that a
 * new feature cannot forget its audit rows. The entries wait in the transaction's buffer and are
 * written (or dropped on rollback) at its end.
 */
final class EntityChangeListener implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener {

    static final String MASK = "***";
    /** Bookkeeping every editable entity carries; a change to these alone is not a change. */
    private static final Set<String> NOISE = Set.of("version", "updatedAt", "updatedBy");

    private enum Kind {
        RECORD,
        MASK,
        MASK_SECRETS_IN_YAML,
        SKIP
    }

    private final AuditRecorder recorder;
    private final Map<Class<?>, Map<String, Kind>> kinds = new ConcurrentHashMap<>();

    EntityChangeListener(AuditRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        record(event.getPersister(), event.getId(), "CREATE", null, event.getState());
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        record(event.getPersister(), event.getId(), "UPDATE", event.getOldState(), event.getState());
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        record(event.getPersister(), event.getId(), "DELETE", event.getDeletedState(), null);
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    private void record(EntityPersister persister, Object id, String defaultAction, Object[] before, Object[] after) {
        if (!recorder.isEnabled()) {
            return;
        }
        var type = persister.getMappedClass();
        if (type.isAnnotationPresent(AuditIgnored.class)) {
            return;
        }
        var names = persister.getPropertyNames();
        var types = persister.getPropertyTypes();
        var changes = new TreeMap<String, Object[]>();
        for (int i = 0; i < names.length; i++) {
            if (types[i].isCollectionType() || kind(type, names[i]) == Kind.SKIP) {
                continue;
            }
            var old = before == null ? null : before[i];
            var now = after == null ? null : after[i];
            if (types[i] instanceof CompositeType embedded && types[i].isComponentType()) {
                // An @Embeddable (a job's RunOptions): each of its properties is recorded under its
                // own name, with the masking its own field asks for, as if it sat in the entity.
                var embeddable = embedded.getReturnedClass();
                for (var property : embedded.getPropertyNames()) {
                    change(
                            changes,
                            embeddable,
                            property,
                            read(old, embeddable, property),
                            read(now, embeddable, property));
                }
            } else {
                change(changes, type, names[i], old, now);
            }
        }
        if ("UPDATE".equals(defaultAction) && changes.isEmpty()) {
            return; // only bookkeeping changed (last login, counters, version)
        }
        var action = AuditActionInterceptor.currentAction();
        recorder.recordChange(
                action == null ? defaultAction : action, type.getSimpleName(), String.valueOf(id), changes);
    }

    private void change(Map<String, Object[]> changes, Class<?> type, String property, Object before, Object after) {
        var kind = kind(type, property);
        var old = simple(before);
        var now = simple(after);
        if (kind == Kind.SKIP || Objects.equals(old, now)) {
            return;
        }
        changes.put(
                property,
                switch (kind) {
                    case MASK -> new Object[] {old == null ? null : MASK, now == null ? null : MASK};
                    case MASK_SECRETS_IN_YAML -> new Object[] {secretsMasked(old), secretsMasked(now)};
                    default -> new Object[] {old, now};
                });
    }

    private static Object read(Object embedded, Class<?> type, String property) {
        if (embedded == null) {
            return null;
        }
        var field = field(type, property);
        if (field == null) {
            throw new IllegalStateException(type.getSimpleName() + " has no field " + property + " to audit");
        }
        try {
            field.setAccessible(true);
            return field.get(embedded);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read " + type.getSimpleName() + "." + property + " to audit", e);
        }
    }

    private Kind kind(Class<?> type, String property) {
        return kinds.computeIfAbsent(type, t -> new ConcurrentHashMap<>()).computeIfAbsent(property, p -> {
            if (NOISE.contains(p)) {
                return Kind.SKIP;
            }
            var field = field(type, p);
            if (field == null) {
                return Kind.RECORD;
            }
            if (field.isAnnotationPresent(AuditIgnored.class)) {
                return Kind.SKIP;
            }
            var masked = field.getAnnotation(AuditMasked.class);
            if (masked == null) {
                return Kind.RECORD;
            }
            return masked.value() == AuditMasked.Scope.SECRETS_IN_YAML ? Kind.MASK_SECRETS_IN_YAML : Kind.MASK;
        });
    }

    private static Object secretsMasked(Object value) {
        return value instanceof String text ? SecretYaml.mask(text) : value == null ? null : MASK;
    }

    private static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look further up
            }
        }
        return null;
    }

    /** Values as JSON can show them: references to other entities by id, times as ISO text. */
    static Object simple(Object v) {
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        if (v instanceof HibernateProxy proxy) {
            return proxy.getHibernateLazyInitializer().getInternalIdentifier();
        }
        if (v instanceof AbstractEntity entity) {
            return entity.getId();
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof TemporalAccessor) {
            return v.toString();
        }
        return String.valueOf(v);
    }
}
