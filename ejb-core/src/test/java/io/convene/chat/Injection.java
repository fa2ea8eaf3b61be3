package io.convene.chat;

import java.lang.reflect.Field;

/**
 * Sets an injected field that a test in this package cannot reach, as the container does: the
 * package-private {@code @Inject} fields of the classes of other contexts (platform's
 * {@code ProductCounters}, notification's {@code Notices}) that the chat's use cases call.
 */
final class Injection {

    private Injection() {
    }

    static <T> T into(T target, String field, Object value) {
        try {
            Field f = target.getClass().getDeclaredField(field);
            f.setAccessible(true);
            f.set(target, value);
            return target;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(target.getClass().getSimpleName() + " has no field " + field, e);
        }
    }
}
