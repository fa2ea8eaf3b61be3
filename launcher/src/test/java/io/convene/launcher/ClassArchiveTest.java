package io.convene.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real JVMs write and map the archives: a program of this test's own, in a jar, stands in for a server. */
class ClassArchiveTest {

    @TempDir
    Path dir;

    private Path jar;
    private Path archives;

    @BeforeEach
    void serverJar() throws IOException {
        jar = dir.resolve("server.jar");
        String entry = ArchivedProgram.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(entry));
            try (var in = ArchivedProgram.class.getClassLoader().getResourceAsStream(entry)) {
                in.transferTo(out);
            }
        }
        archives = dir.resolve("class-archives");
    }

    @Test
    void theFirstStartWritesTheArchiveAtExitAndLaterStartsMapIt() throws Exception {
        ClassArchive.Start first = ClassArchive.prepare(archives, "server", jar);
        assertThat(first.options()).contains("-XX:ArchiveClassesAtExit=" + first.writes());
        assertThat(run(first.options())).isZero();
        assertThat(first.writes()).as("written when the JVM exited").isRegularFile();

        first.archive().adopt(first.writes());

        assertThat(first.archive().file()).isRegularFile();
        assertThat(first.writes()).doesNotExist();
        ClassArchive.Start later = ClassArchive.prepare(archives, "server", jar);
        assertThat(later.options()).containsExactly("-XX:SharedArchiveFile=" + first.archive().file());
        assertThat(later.writes()).isNull();
        List<String> mapped = new ArrayList<>(later.options());
        mapped.add("-Xshare:on"); // refuses to start unless it maps the archive
        assertThat(run(mapped)).isZero();
    }

    @Test
    void whatAKilledServerLeftIsDeletedAndTheNextStartWritesAgain() throws Exception {
        ClassArchive.Start first = ClassArchive.prepare(archives, "server", jar);
        Path cutShort = Path.of(first.writes().toString().replace("." + ProcessHandle.current().pid() + "-",
                "." + endedProcess() + "-"));
        Files.write(cutShort, new byte[] {0x3a, 0x22, 0x3a, 0x0d, 1, 2, 3}); // a header cut short

        ClassArchive.Start next = ClassArchive.prepare(archives, "server", jar);

        assertThat(cutShort).as("its launcher is gone and no JVM maps it").doesNotExist();
        assertThat(first.archive().file()).doesNotExist();
        assertThat(next.writes()).isNotNull();
    }

    @Test
    void whatAServerOfALauncherThatIsGoneWroteIsAdoptedAtTheNextStart() throws Exception {
        ClassArchive.Start first = ClassArchive.prepare(archives, "server", jar);
        assertThat(run(first.options())).isZero();
        Path leftBehind = Path.of(first.writes().toString().replace("." + ProcessHandle.current().pid() + "-",
                "." + endedProcess() + "-"));
        Files.move(first.writes(), leftBehind); // as if its launcher had exited before adopting it

        ClassArchive.Start next = ClassArchive.prepare(archives, "server", jar);

        assertThat(next.options()).containsExactly("-XX:SharedArchiveFile=" + first.archive().file());
        assertThat(leftBehind).doesNotExist();
    }

    @Test
    void aNewBuildOfTheServerGetsAnArchiveOfItsOwnAndTheOldOneGoes() throws Exception {
        ClassArchive.Start first = ClassArchive.prepare(archives, "server", jar);
        run(first.options());
        first.archive().adopt(first.writes());
        Path stillWriting = archives.resolve("server-0123456789ab.jsa." + ProcessHandle.current().pid() + "-99.partial");
        Files.writeString(stillWriting, "a server of a launcher that still runs");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));

        ClassArchive.Start rebuilt = ClassArchive.prepare(archives, "server", jar);

        assertThat(rebuilt.archive().file()).isNotEqualTo(first.archive().file());
        assertThat(rebuilt.writes()).isNotNull();
        assertThat(first.archive().file()).as("another build's").doesNotExist();
        assertThat(stillWriting).as("its launcher deletes or adopts it").exists();
        try (Stream<Path> left = Files.list(archives)) {
            assertThat(left).containsExactlyInAnyOrder(stillWriting);
        }
    }

    @Test
    void whereClassSharingIsOffTheServerStartsAsItWould() {
        System.setProperty("convene.class-sharing", "false");
        try {
            assertThat(ClassArchive.prepare(archives, "server", jar).options()).isEmpty();
        } finally {
            System.clearProperty("convene.class-sharing");
        }
        assertThat(archives).doesNotExist();
    }

    private int run(List<String> options) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(options);
        command.addAll(List.of("-cp", jar.toAbsolutePath().toString(), ArchivedProgram.class.getName()));
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream ignored = java.getOutputStream()) {
            String output = new String(java.getInputStream().readAllBytes());
            assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(output).as(String.join(" ", command)).contains("loaded=" + ArchivedProgram.class.getName());
        }
        return java.exitValue();
    }

    private static long endedProcess() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        return ended.pid();
    }
}
