package io.convene.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A server JVM's class-data-sharing archive (the JDK's dynamic AppCDS): the classes one start loaded,
 * parsed and verified, in one file that later starts map instead of reading and verifying each class
 * again (docs/benchmarks.md, "Start"). The first start writes it when its JVM exits, into a file of its
 * own ({@code .partial}); once that JVM is gone, the file becomes the archive if a JVM maps it, and is
 * deleted if not (a server killed while writing it). The archive is named after what it is valid for —
 * the server's jar as it is on disk and this JDK — and archives of anything else beside it are deleted,
 * so a new build or JDK writes a new one instead of being refused the old one at every start.
 */
final class ClassArchive {

    private static final Logger LOG = Logger.getLogger(ClassArchive.class.getName());
    private static final String PARTIAL = ".partial";
    /** Tells apart the archives several servers of this launcher write at once (a cluster's nodes). */
    private static final AtomicInteger WRITERS = new AtomicInteger();

    private final Path file;
    private final Path classPath;

    private ClassArchive(Path file, Path classPath) {
        this.file = file;
        this.classPath = classPath;
    }

    /** What one start does with the archive: the JVM's options, and the file it writes at exit (null: none). */
    record Start(List<String> options, ClassArchive archive, Path writes) {

        static final Start NONE = new Start(List.of(), null, null);

        /** Once the server has exited, what it wrote becomes the archive (or is deleted). */
        void adoptAfter(ManagedProcess server) {
            if (writes != null) {
                server.exited().thenRun(() -> archive.adopt(writes));
            }
        }
    }

    /**
     * The next start's use of the archive of a JVM started with {@code classPath} as its class path,
     * kept in {@code dir} under {@code name}: none where class sharing is off
     * ({@code convene.class-sharing=false}).
     */
    static Start prepare(Path dir, String name, Path classPath) {
        if (!Boolean.parseBoolean(SuiteSettings.setting("convene.class-sharing", "true"))) {
            return Start.NONE;
        }
        return new ClassArchive(dir.resolve(name + "-" + key(classPath) + ".jsa"), classPath.toAbsolutePath()).forStart();
    }

    /**
     * The options of the next start: map the archive where there is one, else write one at exit.
     * First, a finished archive of a JVM that is gone is adopted, and archives of other builds deleted.
     */
    Start forStart() {
        try {
            Files.createDirectories(file.getParent());
            tidy();
            if (Files.isRegularFile(file)) {
                return new Start(List.of("-XX:SharedArchiveFile=" + file), this, null);
            }
            Path partial = Path.of(file + "." + ProcessHandle.current().pid() + "-" + WRITERS.incrementAndGet() + PARTIAL);
            // writing it, the JVM warns of each class it leaves out (thousands of lines in the server's log)
            return new Start(List.of("-XX:ArchiveClassesAtExit=" + partial, "-Xlog:cds*=error"), this, partial);
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.WARNING, "No class archive in {0} ({1}): the server starts without one",
                    new Object[] {file.getParent(), e.getMessage()});
            return Start.NONE;
        }
    }

    /**
     * Makes what an exited JVM wrote the archive, if a JVM maps it (the first of several to finish
     * wins); deletes it otherwise. Call once the JVM that writes {@code partial} has exited.
     */
    void adopt(Path partial) {
        try {
            if (Files.isRegularFile(partial) && !Files.exists(file) && maps(partial)) {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
                LOG.info(() -> "Class archive " + file + " made: later starts map it");
            }
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot keep the class archive " + partial, e);
        }
    }

    Path file() {
        return file;
    }

    /** Adopts or deletes what JVMs of launchers that are gone wrote; deletes other builds' archives. */
    private void tidy() throws IOException {
        String name = file.getFileName().toString();
        String family = name.substring(0, name.lastIndexOf('-') + 1);
        try (Stream<Path> beside = Files.list(file.getParent())) {
            for (Path other : beside.toList()) {
                String otherName = other.getFileName().toString();
                if (!otherName.startsWith(family) || otherName.equals(name)) {
                    continue;
                }
                if (!otherName.endsWith(PARTIAL)) {
                    Files.deleteIfExists(other); // another build's or JDK's
                } else if (!Children.running(writer(otherName))) {
                    if (otherName.startsWith(name + ".")) {
                        adopt(other);
                    } else {
                        Files.deleteIfExists(other);
                    }
                }
            }
        }
    }

    /**
     * The process number of the launcher that started the JVM writing this partial archive (it
     * adopts the archive itself while it runs): {@code <archive>.<pid>-<n>.partial}.
     */
    private static String writer(String partialName) {
        String writer = partialName.substring(0, partialName.length() - PARTIAL.length());
        writer = writer.substring(writer.lastIndexOf('.') + 1);
        return writer.substring(0, Math.max(writer.indexOf('-'), 0));
    }

    /** Whether a JVM with this class path maps the archive (-Xshare:on refuses to start otherwise). */
    private boolean maps(Path archive) {
        return Commands.capture(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:SharedArchiveFile=" + archive, "-Xshare:on", "-cp", classPath.toString(), "-version"), Map.of())
                .exitCode() == 0;
    }

    /** What an archive is valid for: the class path's jar as it is on disk (path, size, time), and this JDK. */
    private static String key(Path classPath) {
        try {
            Path jar = classPath.toAbsolutePath();
            String basis = String.join("|", jar.toString(), String.valueOf(Files.size(jar)),
                    String.valueOf(Files.getLastModifiedTime(jar).toMillis()), System.getProperty("java.home"),
                    System.getProperty("java.vm.version"));
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + classPath, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
