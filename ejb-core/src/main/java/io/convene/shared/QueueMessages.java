package io.convene.shared;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;

/**
 * The one codec of the messages Convene puts on its queues: each message is a record, written as a
 * JSON object of its components (ids and instants as text, kinds by name, absent values left out)
 * and read back by JSON Binding. Messages written by earlier versions read the same.
 */
public final class QueueMessages {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private QueueMessages() {
    }

    /** What Convene's consumers marked a message with ({@code convene_*} properties: a wait for the database, going alone), to carry onto a copy. */
    public static java.util.Map<String, Object> marks(jakarta.jms.Message message) throws jakarta.jms.JMSException {
        java.util.Map<String, Object> marks = new java.util.LinkedHashMap<>();
        for (Object name : java.util.Collections.list(message.getPropertyNames())) {
            if (String.valueOf(name).startsWith("convene_")) {
                marks.put((String) name, message.getObjectProperty((String) name));
            }
        }
        return marks;
    }

    public static String write(Record message) {
        return JSONB.toJson(message);
    }

    /** The message as {@code type}; text that is not such a message raises {@link IllegalArgumentException}. */
    public static <T extends Record> T read(String json, Class<T> type) {
        try {
            T message = JSONB.fromJson(json, type);
            if (message == null) {
                throw new IllegalArgumentException("Not a " + type.getSimpleName() + ": " + json);
            }
            return message;
        } catch (JsonbException e) {
            throw new IllegalArgumentException("Not a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
