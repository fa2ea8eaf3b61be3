package io.convene.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The Debian packages media needs: Janus (and janus-pp-rec), coturn and ffmpeg. Missing ones are
 * installed with apt-get when {@code convene.media.install=true} and the launcher runs as root;
 * otherwise the log says exactly what to install, and the suite starts without them (media off).
 */
final class MediaPackages {

    private static final Logger LOG = Logger.getLogger(MediaPackages.class.getName());
    private static final Map<String, String> BINARIES = new LinkedHashMap<>();

    static {
        BINARIES.put("/usr/bin/janus", "janus");
        BINARIES.put("/usr/bin/janus-pp-rec", "janus-tools");
        BINARIES.put("/usr/bin/turnserver", "coturn");
        BINARIES.put("/usr/bin/ffmpeg", "ffmpeg");
    }

    private MediaPackages() {
    }

    static List<String> missing() {
        List<String> packages = new ArrayList<>();
        BINARIES.forEach((binary, pkg) -> {
            if (!Files.isExecutable(Path.of(binary))) {
                packages.add(pkg);
            }
        });
        return packages;
    }

    static void ensure() {
        List<String> missing = missing();
        if (missing.isEmpty()) {
            return;
        }
        String command = "apt-get install -y --no-install-recommends " + String.join(" ", missing);
        boolean allowed = Boolean.parseBoolean(SuiteSettings.setting("convene.media.install", "false"));
        if (!allowed || !"root".equals(System.getProperty("user.name"))) {
            LOG.warning(() -> "Media packages missing: " + String.join(", ", missing) + ". Install them with `" + command
                    + "` (as root), or start with -Dconvene.media.install=true as root to let the launcher do it");
            return;
        }
        LOG.info(() -> "Installing " + String.join(", ", missing) + " from Debian's packages");
        run(List.of("apt-get", "update", "-q"));
        List<String> install = new ArrayList<>(List.of("apt-get", "install", "-y", "-q", "--no-install-recommends"));
        install.addAll(missing);
        run(install);
    }

    private static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).inheritIO().start();
            if (!p.waitFor(20, TimeUnit.MINUTES) || p.exitValue() != 0) {
                LOG.warning(() -> String.join(" ", command) + " failed; media may be off");
            }
        } catch (IOException e) {
            LOG.warning(() -> String.join(" ", command) + " could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
