package io.convene.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFormatTest {

    @TempDir
    Path dir;

    @AfterEach
    void forget() {
        System.clearProperty("convene.log.format");
    }

    @Test
    void payaraKeepsItsDefaultsWithTheChosenFormatterAndNoColour() throws IOException {
        Path jar = payaraMicroWith("""
                handlers=java.util.logging.ConsoleHandler
                java.util.logging.ConsoleHandler.formatter=com.sun.enterprise.server.logging.ODLLogFormatter
                com.sun.enterprise.server.logging.ODLLogFormatter.ansiColor=true
                .level=INFO
                com.hazelcast.level=WARNING
                """);
        List<String> json = LogFormat.JSON.payaraLoggingProperties(jar);
        assertThat(json).contains(".level=INFO", "com.hazelcast.level=WARNING",
                "java.util.logging.ConsoleHandler.formatter=fish.payara.enterprise.server.logging.JSONLogFormatter",
                "com.sun.enterprise.server.logging.ODLLogFormatter.ansiColor=false");
        assertThat(json).filteredOn(line -> line.startsWith("java.util.logging.ConsoleHandler.formatter=")).hasSize(1);
        assertThat(json).doesNotContain("com.sun.enterprise.server.logging.ODLLogFormatter.ansiColor=true");
        assertThat(LogFormat.TEXT.payaraLoggingProperties(jar)).contains(
                "java.util.logging.ConsoleHandler.formatter=com.sun.enterprise.server.logging.ODLLogFormatter",
                "com.sun.enterprise.server.logging.ODLLogFormatter.ansiColor=false").doesNotContain(
                "com.sun.enterprise.server.logging.ODLLogFormatter.ansiColor=true");
    }

    @Test
    void theSettingChoosesAndAnUnknownFormatIsRefused() {
        assertThat(LogFormat.chosen()).isEqualTo(LogFormat.TEXT);
        System.setProperty("convene.log.format", "JSON");
        assertThat(LogFormat.chosen()).isEqualTo(LogFormat.JSON);
        assertThat(LogFormat.chosen().keycloakOptions()).containsExactly("--log-console-output=json");
        System.setProperty("convene.log.format", "xml");
        assertThatThrownBy(LogFormat::chosen).hasMessageContaining("text or json");
    }

    @Test
    void aRecordIsOneLineOfJsonWithItsTextEscaped() {
        LogRecord record = new LogRecord(Level.WARNING, "Payara \"node\" {0}\nexited");
        record.setParameters(new Object[] {"one"});
        record.setLoggerName("io.convene.launcher.Supervised");
        record.setMillis(1_796_491_270_016L);
        record.setLongThreadID(7);
        assertThat(new JsonLineFormatter().format(record)).isEqualTo("{\"timestamp\":\"2026-12-05T17:21:10.016Z\","
                + "\"level\":\"WARNING\",\"logger\":\"io.convene.launcher.Supervised\",\"thread\":7,"
                + "\"message\":\"Payara \\\"node\\\" one\\nexited\"}\n");
        record.setThrown(new IllegalStateException("gone"));
        String withTrace = new JsonLineFormatter().format(record);
        assertThat(withTrace).contains("\"exception\":\"java.lang.IllegalStateException: gone\\n\\tat ").endsWith("}\n");
        assertThat(withTrace.indexOf('\n')).as("one line").isEqualTo(withTrace.length() - 1);
    }

    @Test
    void aChildsJsonLinesPassAndWhatElseItPrintsIsWrapped() {
        java.time.Instant at = java.time.Instant.parse("2026-12-05T17:47:51Z");
        String own = "{\"timestamp\":\"2026-12-05T17:47:55Z\",\"level\":\"INFO\",\"message\":\"Keycloak started\"}";
        assertThat(JsonLogPump.asJson("Keycloak", own, at)).isEqualTo(own);
        assertThat(JsonLogPump.asJson("Keycloak", "\tkc.sh show-config  ", at)).isEqualTo("{\"timestamp\":\"2026-12-05T17:47:51Z\","
                + "\"level\":\"INFO\",\"logger\":\"Keycloak\",\"message\":\"\\tkc.sh show-config\"}");
        assertThat(JsonLogPump.asJson("Keycloak", "   ", at)).as("blank lines are no events").isNull();
    }

    private Path payaraMicroWith(String loggingProperties) throws IOException {
        Path jar = dir.resolve("payara-micro.jar");
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry("MICRO-INF/domain/logging.properties"));
            zip.write(loggingProperties.getBytes(StandardCharsets.ISO_8859_1));
            zip.closeEntry();
        }
        return jar;
    }
}
