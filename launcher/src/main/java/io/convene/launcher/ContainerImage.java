package io.convene.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Convene's OCI image, built without a Docker daemon and without any registry: a Debian bookworm
 * base made by debootstrap from Debian's packages (OpenJDK 17's runtime and a user {@code convene},
 * uid 10001; kept in the cache folder and imported into podman once), and on it Payara Micro, the
 * WAR and Artemis's resource adapter with their start-up commands; saved as an OCI archive. Needs
 * root, {@code debootstrap} and {@code podman} (Debian's). Configured at run time by environment
 * variables (CONVENE_DB_URL, ...: docs/container.md).
 *
 * <pre>java -cp launcher/target/convene-launcher.jar io.convene.launcher.ContainerImage</pre>
 */
public final class ContainerImage {

    private static final Logger LOG = Logger.getLogger(ContainerImage.class.getName());
    public static final String NAME = "localhost/convene";
    static final String BASE = "localhost/convene-base:bookworm";
    static final String HOME = "/opt/convene";
    static final String STATE = "/var/lib/convene";
    private static final String POOL_MIN = "@POOL_MIN@";
    private static final String POOL_MAX = "@POOL_MAX@";
    private static final String SOCKET_TIMEOUT = "@DB_SOCKET_TIMEOUT@";

    private ContainerImage() {
    }

    public static void main(String[] args) {
        Path launcherJar = Path.of(ContainerImage.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Path target = launcherJar.getParent();
        String tag = NAME + ":" + SuiteSettings.setting("convene.image.tag", "latest");
        Path archive = build(target.resolve("runtime"), target, tag);
        System.out.println("Built " + tag + " and saved it as " + archive + " (OCI archive: podman load -i " + archive + ")");
    }

    /** Builds the image tagged {@code tag} from the launcher's runtime folder; answers the OCI archive written in {@code out}. */
    public static Path build(Path runtime, Path out, String tag) {
        ensureBase();
        Path context = out.toAbsolutePath().resolve("image-context");
        try {
            Folders.deleteRecursively(context);
            Path home = Files.createDirectories(context.resolve("convene"));
            Files.createDirectories(context.resolve("state/blobs"));
            List<String> parts = new ArrayList<>(List.of("payara-micro.jar", "ROOT.war", BrokerResources.RESOURCE_ADAPTER + ".rar"));
            parts.addAll(DatabaseResources.LIBRARIES);
            for (String part : parts) {
                Files.copy(runtime.resolve(part), home.resolve(part), StandardCopyOption.REPLACE_EXISTING);
            }
            List<String> preboot = new ArrayList<>(HttpListeners.anonymous("http-listener", "https-listener"));
            preboot.addAll(DatabaseResources.commands(POOL_MIN, POOL_MAX, SOCKET_TIMEOUT)); // the values: the entrypoint's
            Files.write(home.resolve("preboot.asadmin"), preboot);
            Files.write(home.resolve("preboot-forwarded.asadmin"), List.of(HttpListeners.schemeFromForwardedProto("http-listener")));
            Files.write(home.resolve("postboot.asadmin"), BrokerResources.commands(Path.of(HOME, BrokerResources.RESOURCE_ADAPTER + ".rar"),
                    "${ENV=CONVENE_BROKER_HOST}", "${ENV=CONVENE_BROKER_PORT}", "${ENV=CONVENE_BROKER_USER}",
                    "${ENV=CONVENE_BROKER_PASSWORD}"));
            Path payaraMicro = runtime.resolve("payara-micro.jar");
            Files.write(home.resolve("logging-text.properties"), LogFormat.TEXT.payaraLoggingProperties(payaraMicro));
            Files.write(home.resolve("logging-json.properties"), LogFormat.JSON.payaraLoggingProperties(payaraMicro));
            Path entrypoint = home.resolve("entrypoint.sh");
            Files.writeString(entrypoint, entrypoint());
            Files.setPosixFilePermissions(entrypoint, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(context.resolve("Containerfile"), containerfile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(List.of("podman", "build", "--pull=never", "--tag", tag, "--file", context.resolve("Containerfile").toString(),
                context.toString()));
        Path archive = out.toAbsolutePath().resolve("convene-image.tar");
        try {
            Files.deleteIfExists(archive);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(List.of("podman", "save", "--format", "oci-archive", "--output", archive.toString(), tag));
        LOG.info(() -> "Image " + tag + " saved as " + archive);
        return archive;
    }

    /** No RUN step: every file is in place before the build, so building needs no container runtime. */
    static String containerfile() {
        return """
                FROM %s
                COPY --chown=10001:10001 convene %s
                COPY --chown=10001:10001 state %s
                ENV CONVENE_BLOBS_DIR=%s/blobs CONVENE_HTTP_PORT=8080 CONVENE_LOG_FORMAT=text
                USER 10001
                WORKDIR %s
                EXPOSE 8080
                VOLUME %s
                ENTRYPOINT ["%s/entrypoint.sh"]
                """.formatted(BASE, HOME, STATE, STATE, STATE, STATE, HOME);
    }

    /** Payara Micro with the WAR, its configuration from the environment (MicroProfile Config reads CONVENE_*). */
    static String entrypoint() {
        return """
                #!/bin/sh
                # Convene in its container: Payara Micro with the WAR; every setting from the environment
                set -eu
                work=/tmp/convene-payara   # this container's own (several may share %2$s)
                mkdir -p "$work"
                pool_min="${CONVENE_DB_POOL_MIN:-%4$d}" pool_max="${CONVENE_DB_POOL_MAX:-%5$d}"
                socket_timeout="${CONVENE_DB_SOCKET_TIMEOUT:-%9$d}"
                case "$pool_min$pool_max$socket_timeout" in *[!0-9]*|'')
                  echo "CONVENE_DB_POOL_MIN, CONVENE_DB_POOL_MAX and CONVENE_DB_SOCKET_TIMEOUT must be whole numbers" >&2; exit 2;; esac
                if [ "$pool_max" -lt 1 ] || [ "$pool_min" -gt "$pool_max" ]; then
                  echo "CONVENE_DB_POOL_MIN ($pool_min) must be at most CONVENE_DB_POOL_MAX ($pool_max), which must be 1 or more" >&2
                  exit 2
                fi
                sed -e "s/%6$s/$pool_min/" -e "s/%7$s/$pool_max/" -e "s/%10$s/$socket_timeout/" \\
                  %1$s/preboot.asadmin > "$work/preboot.asadmin"
                if [ "${CONVENE_HTTP_TRUST_FORWARDED_PROTO:-false}" = true ]; then
                  cat %1$s/preboot-forwarded.asadmin >> "$work/preboot.asadmin"
                fi
                exec java ${CONVENE_JAVA_OPTS:--Xmx512m} -Djava.awt.headless=true %3$s -Djava.io.tmpdir="$work" \\
                  -jar %1$s/payara-micro.jar --nocluster --port "$CONVENE_HTTP_PORT" --rootdir "$work/root" \\
                  --prebootcommandfile "$work/preboot.asadmin" --postbootcommandfile %1$s/postboot.asadmin \\
                  --addlibs %8$s \\
                  --logproperties "%1$s/logging-$CONVENE_LOG_FORMAT.properties" --deploy %1$s/ROOT.war
                """.formatted(HOME, STATE, HttpListeners.NO_PRODUCT_NAME + " " + JsonProcessing.NAMED_PROVIDER, DatabaseResources.DEFAULT_MIN,
                DatabaseResources.DEFAULT_MAX, POOL_MIN, POOL_MAX, DatabaseResources.addlibs(Path.of(HOME)), DatabaseResources.DEFAULT_SOCKET_TIMEOUT,
                SOCKET_TIMEOUT);
    }

    /** The base image: made once by debootstrap (cached as a tar in the cache folder) and imported into podman. */
    private static void ensureBase() {
        if (Commands.exitCode(List.of("podman", "image", "exists", BASE)) == 0) {
            return;
        }
        Path cache = Path.of(SuiteSettings.setting("convene.cache", System.getProperty("user.home") + "/.cache/convene"));
        Path tar = cache.resolve("image-base-bookworm.tar");
        if (!Files.exists(tar)) {
            Path rootfs = cache.resolve("image-base-rootfs");
            try {
                Folders.deleteRecursively(rootfs);
                Files.createDirectories(cache);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LOG.info("Making the image's Debian base with debootstrap (about a minute)");
            run(List.of("debootstrap", "--variant=minbase", "--include=openjdk-17-jre-headless", "bookworm", rootfs.toString(),
                    SuiteSettings.setting("convene.image.debian-mirror", systemMirror())));
            run(List.of("chroot", rootfs.toString(), "useradd", "--system", "--uid", "10001", "--user-group", "--home-dir", STATE,
                    "--no-create-home", "convene"));
            run(List.of("chroot", rootfs.toString(), "apt-get", "clean"));
            run(List.of("tar", "--create", "--numeric-owner", "--file", tar + ".part", "--directory", rootfs.toString(), "."));
            try {
                Files.move(Path.of(tar + ".part"), tar, StandardCopyOption.REPLACE_EXISTING);
                Folders.deleteRecursively(rootfs);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        run(List.of("podman", "import", tar.toString(), BASE));
    }

    /** The Debian mirror this machine's apt uses (its deb822 sources), else Debian's own. */
    static String systemMirror() {
        Path sources = Path.of("/etc/apt/sources.list.d/debian.sources");
        try {
            if (Files.exists(sources)) {
                for (String line : Files.readAllLines(sources)) {
                    if (line.startsWith("URIs:") && !line.contains("security")) {
                        return line.substring("URIs:".length()).trim().split("\\s+")[0];
                    }
                }
            }
        } catch (IOException e) {
            LOG.fine(() -> "Cannot read " + sources + ": " + e);
        }
        return "http://deb.debian.org/debian";
    }

    private static void run(List<String> command) {
        Commands.run(command, "building the image needs root, debootstrap and podman: apt-get install debootstrap podman");
    }
}
