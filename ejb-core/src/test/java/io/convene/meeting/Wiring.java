package io.convene.meeting;

import java.lang.reflect.Field;

/**
 * Sets an injected field the way CDI and the EJB container do (by reflection): for collaborators
 * of other packages ({@code platform}, {@code audit}) whose package-private fields a test of the
 * meeting context cannot set directly. Only wiring: no behaviour is replaced.
 */
final class Wiring {

    private Wiring() {
    }

    static <T> T inject(T target, String field, Object value) {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(field);
                f.setAccessible(true);
                f.set(target, value);
                return target;
            } catch (NoSuchFieldException next) {
                // declared higher up
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot wire " + field + " of " + c.getName(), e);
            }
        }
        throw new IllegalArgumentException(target.getClass().getName() + " has no field " + field);
    }
}
