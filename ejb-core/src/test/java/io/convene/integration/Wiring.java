package io.convene.integration;

import java.lang.reflect.Field;

/**
 * Sets and reads what the container injects into, and JPA reads from, classes of other contexts
 * whose fields are package-private there or private (the sealing key's store, the audit trail's
 * repository, an audit entry's columns): what CDI, EJB and JPA do, for unit tests of this context.
 */
final class Wiring {

    private Wiring() {
    }

    static <T> T inject(T target, String field, Object value) {
        try {
            Field f = target.getClass().getDeclaredField(field);
            f.setAccessible(true);
            f.set(target, value);
            return target;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(target.getClass().getSimpleName() + "." + field + " is gone: update the test wiring", e);
        }
    }

    static Object read(Object source, String field) {
        try {
            Field f = source.getClass().getDeclaredField(field);
            f.setAccessible(true);
            return f.get(source);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(source.getClass().getSimpleName() + "." + field + " is gone: update the test", e);
        }
    }
}
