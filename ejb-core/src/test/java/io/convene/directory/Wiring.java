package io.convene.directory;

import java.lang.reflect.Field;

/**
 * Sets and reads fields the way the container and the database do, for the few parts a test in this
 * package cannot reach otherwise: the injected fields of beans of other packages (the audit trail,
 * sealing) and a run's state as the repository's update statement sets it.
 */
final class Wiring {

    private Wiring() {
    }

    static void set(Object target, String name, Object value) {
        try {
            field(target.getClass(), name).set(target, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static Object get(Object target, String name) {
        try {
            return field(target.getClass(), name).get(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (NoSuchFieldException e) {
                // up to the superclass
            }
        }
        throw new IllegalArgumentException("No field " + name + " in " + type.getName());
    }
}
