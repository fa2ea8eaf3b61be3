package io.convene.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * With JSON logs: copies a child's output into its log file a JSON object per line. Its own JSON
 * log lines go as they are; anything else it prints (a start-up message of Keycloak's build step,
 * a stray line of Payara's, Janus's and coturn's text logs) is wrapped with the time and the child's
 * name, so a log collector reads every line.
 */
final class JsonLogPump {

    private static final Logger LOG = Logger.getLogger(JsonLogPump.class.getName());

    private JsonLogPump() {
    }

    static void start(String source, InputStream output, Path log, boolean append) {
        Thread pump = new Thread(() -> copy(source, output, log, append), "log of " + source);
        pump.setDaemon(true);
        pump.start();
    }

    /** The line as a JSON object: itself when it is one, else wrapped; null for a blank line. */
    static String asJson(String source, String line, Instant at) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        return trimmed.startsWith("{") && trimmed.endsWith("}") ? trimmed : JsonLineFormatter.printed(at, source, line.stripTrailing());
    }

    private static void copy(String source, InputStream output, Path log, boolean append) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
             Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String json = asJson(source, line, Instant.now());
                if (json != null) {
                    out.write(json);
                    out.write('\n');
                    out.flush();
                }
            }
        } catch (IOException e) {
            LOG.warning(() -> "The log of " + source + " stopped being copied to " + log + ": " + e);
        }
    }
}
