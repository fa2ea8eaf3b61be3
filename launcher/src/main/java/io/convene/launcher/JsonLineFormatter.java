package io.convene.launcher;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/** One JSON object per log record, on one line: time, level, logger, thread id, message, and the stack trace if any. */
final class JsonLineFormatter extends Formatter {

    @Override
    public String format(LogRecord record) {
        StringBuilder json = new StringBuilder("{");
        field(json, "timestamp", Instant.ofEpochMilli(record.getMillis()).toString()).append(',');
        field(json, "level", record.getLevel().getName()).append(',');
        field(json, "logger", String.valueOf(record.getLoggerName())).append(',');
        json.append("\"thread\":").append(record.getLongThreadID()).append(',');
        field(json, "message", formatMessage(record));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            field(json.append(','), "exception", trace.toString());
        }
        return json.append("}\n").toString();
    }

    /** A line a child process printed outside its log records, as one JSON object (without the line's end). */
    static String printed(Instant at, String source, String text) {
        StringBuilder json = new StringBuilder("{");
        field(json, "timestamp", at.toString()).append(',');
        field(json, "level", "INFO").append(',');
        field(json, "logger", source).append(',');
        return field(json, "message", text).append('}').toString();
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
