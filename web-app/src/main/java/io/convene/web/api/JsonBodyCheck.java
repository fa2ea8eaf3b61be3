package io.convene.web.api;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A JSON body checked against the Java type it is about to be read into, before JSON-B reads it:
 * every string (and object key) is plain text ({@link PlainText}), and every number fits the field
 * it goes to — a whole number within range for {@code int} and {@code long} fields (JSON-B would
 * round 1.5 and wrap 1e20), a finite one for {@code double} fields (1e999 would be infinity).
 * Each problem names its field as Bean Validation's do: {@code title}, {@code options[1]},
 * {@code ops[0].shape.text}.
 */
final class JsonBodyCheck {

    private final List<Problem.FieldProblem> problems = new ArrayList<>();

    private JsonBodyCheck() {
    }

    static List<Problem.FieldProblem> check(JsonValue body, Type target) {
        JsonBodyCheck check = new JsonBodyCheck();
        check.walk(body, target, "");
        return check.problems;
    }

    private void walk(JsonValue value, Type type, String path) {
        switch (value.getValueType()) {
            case STRING -> text(((JsonString) value).getString(), path);
            case NUMBER -> number((JsonNumber) value, raw(type), path);
            case ARRAY -> {
                Type element = elementOf(type);
                int i = 0;
                for (JsonValue v : value.asJsonArray()) {
                    walk(v, element, (path.isEmpty() ? "body" : path) + "[" + i++ + "]");
                }
            }
            case OBJECT -> object(value.asJsonObject(), type, path);
            default -> {
                // true, false, null: nothing to check
            }
        }
    }

    private void object(JsonObject object, Type type, String path) {
        Class<?> raw = raw(type);
        boolean map = Map.class.isAssignableFrom(raw);
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            String key = entry.getKey();
            String problem = PlainText.problemWith(key);
            if (problem != null) {
                add(path.isEmpty() ? "body" : path, "keys " + problem);
                continue;
            }
            if (map) {
                walk(entry.getValue(), typeArgument(type, 1), (path.isEmpty() ? "body" : path) + "[" + key + "]");
            } else {
                walk(entry.getValue(), propertyType(raw, key), path.isEmpty() ? key : path + "." + key);
            }
        }
    }

    private void text(String text, String path) {
        String problem = PlainText.problemWith(text);
        if (problem != null) {
            add(path.isEmpty() ? "body" : path, problem);
        }
    }

    private void number(JsonNumber number, Class<?> target, String path) {
        BigDecimal value = number.bigDecimalValue();
        if (target == int.class || target == Integer.class) {
            whole(value, Integer.MIN_VALUE, Integer.MAX_VALUE, path);
        } else if (target == long.class || target == Long.class) {
            whole(value, Long.MIN_VALUE, Long.MAX_VALUE, path);
        } else if (target == short.class || target == Short.class) {
            whole(value, Short.MIN_VALUE, Short.MAX_VALUE, path);
        } else if (target == byte.class || target == Byte.class) {
            whole(value, Byte.MIN_VALUE, Byte.MAX_VALUE, path);
        } else if (target == double.class || target == Double.class) {
            if (Double.isInfinite(value.doubleValue())) {
                add(path, "must be a number between " + -Double.MAX_VALUE + " and " + Double.MAX_VALUE);
            }
        } else if (target == float.class || target == Float.class) {
            if (Float.isInfinite(value.floatValue())) {
                add(path, "must be a number between " + -Float.MAX_VALUE + " and " + Float.MAX_VALUE);
            }
        }
    }

    private void whole(BigDecimal value, long min, long max, String path) {
        boolean integral = value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
        if (!integral || value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            add(path, "must be a whole number from " + min + " to " + max);
        }
    }

    private void add(String field, String message) {
        problems.add(new Problem.FieldProblem(field, message));
    }

    // --- the Java side ---------------------------------------------------------------------------

    /** The type of the record component or field JSON-B fills from {@code name}; null when there is none. */
    private static Type propertyType(Class<?> owner, String name) {
        if (owner.isRecord()) {
            for (RecordComponent c : owner.getRecordComponents()) {
                if (c.getName().equals(name)) {
                    return c.getGenericType();
                }
            }
            return null;
        }
        for (Class<?> c = owner; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(name) && !Modifier.isStatic(f.getModifiers())) {
                    return f.getGenericType();
                }
            }
        }
        return null;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return raw(p.getRawType());
        }
        if (type instanceof WildcardType w) {
            return raw(w.getUpperBounds()[0]);
        }
        if (type instanceof GenericArrayType a) {
            return java.lang.reflect.Array.newInstance(raw(a.getGenericComponentType()), 0).getClass();
        }
        return Object.class;
    }

    private static Type elementOf(Type type) {
        if (type instanceof Class<?> c && c.isArray()) {
            return c.getComponentType();
        }
        if (type instanceof GenericArrayType a) {
            return a.getGenericComponentType();
        }
        return Collection.class.isAssignableFrom(raw(type)) ? typeArgument(type, 0) : null;
    }

    private static Type typeArgument(Type type, int index) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length > index
                ? p.getActualTypeArguments()[index] : null;
    }
}
