package io.convene.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Logger;
import java.util.zip.ZipFile;

/**
 * How the suite's logs are written (convene.log.format, --log-format): {@code text}, lines for
 * people, or {@code json}, one JSON object per line for a log collector. Either way without
 * colour codes, since logs go to files. Covers the launcher's own log, Payara Micro's and Keycloak's.
 */
enum LogFormat {
    TEXT, JSON;

    static LogFormat chosen() {
        String value = SuiteSettings.setting("convene.log.format", "text");
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("convene.log.format is text or json, not " + value);
        }
    }

    /** The launcher's own log: JSON lines when asked (text keeps the launcher's one-line format). */
    void applyToLauncher() {
        if (this == JSON) {
            for (Handler handler : Logger.getLogger("").getHandlers()) {
                handler.setFormatter(new JsonLineFormatter());
            }
        }
    }

    /**
     * Payara Micro's logging.properties: its own defaults (from its jar), with the console's
     * formatter as chosen and no colour.
     */
    List<String> payaraLoggingProperties(Path payaraMicroJar) {
        List<String> lines = new ArrayList<>();
        try (ZipFile jar = new ZipFile(payaraMicroJar.toFile());
             InputStream defaults = jar.getInputStream(jar.getEntry("MICRO-INF/domain/logging.properties"))) {
            for (String line : new String(defaults.readAllBytes(), StandardCharsets.ISO_8859_1).split("\r?\n")) {
                if (!line.startsWith("java.util.logging.ConsoleHandler.formatter=") && !line.contains(".ansiColor=")) {
                    lines.add(line);
                }
            }
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("Cannot read Payara Micro's logging defaults from " + payaraMicroJar, e);
        }
        lines.add("java.util.logging.ConsoleHandler.formatter=" + (this == JSON
                ? "fish.payara.enterprise.server.logging.JSONLogFormatter" : "com.sun.enterprise.server.logging.ODLLogFormatter"));
        lines.add("com.sun.enterprise.server.logging.ODLLogFormatter.ansiColor=false");
        return lines;
    }

    /** Keycloak's (Quarkus') console log options. */
    List<String> keycloakOptions() {
        return this == JSON ? List.of("--log-console-output=json") : List.of("--log-console-color=false");
    }

    static void write(Path file, List<String> lines) {
        try {
            java.nio.file.Files.write(file, lines, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
