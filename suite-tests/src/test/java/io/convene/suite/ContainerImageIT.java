package io.convene.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.launcher.ContainerImage;
import io.convene.launcher.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Convene's container image, as an operator gets it: built with the launcher (ContainerImage, from
 * Debian's packages: no Docker daemon, no registry), saved as an OCI archive, loaded into podman and
 * run with nothing but environment variables pointing it at the suite's PostgreSQL, Keycloak and
 * Artemis. It becomes ready, a host signs in and schedules a meeting, and it stops cleanly.
 */
class ContainerImageIT {

    private static final String TAG = ContainerImage.NAME + ":latest";
    private static final String CONTAINER = "convene-it";
    private static Api convene;
    private static Path archive;

    @BeforeAll
    static void buildTheImageAndRunIt() throws Exception {
        io.convene.launcher.Suite suite = ConveneSuite.get();
        Path runtime = Path.of(System.getProperty("convene.runtime.dir", "../launcher/target/runtime")).toAbsolutePath();
        archive = runtime.resolveSibling("convene-image.tar");
        assertThat(archive).as("the image the build makes where podman is installed (apt-get install podman runc debootstrap;"
                + " docs/container.md)").exists();
        podman("rm", "--force", "--ignore", CONTAINER);
        podman("rmi", "--force", TAG);
        assertThat(podman("load", "--input", archive.toString()).exitCode()).as("the OCI archive loads").isZero();

        int port = FreePorts.pick();
        List<String> run = new ArrayList<>(List.of("run", "--detach", "--name", CONTAINER, "--network=host",
                // this machine runs containers with runc and no more files or processes than it has itself
                "--runtime", "runc", "--ulimit", "nofile=" + limit("Max open files", 1_048_576), "--ulimit", "nproc=" + limit("Max processes", 32_768),
                "--env", "CONVENE_HTTP_PORT=" + port, "--env", "CONVENE_BROKER_HOST=" + suite.settings().brokerHost(),
                "--env", "CONVENE_BROKER_PORT=" + suite.settings().brokerPort(),
                "--env", "CONVENE_BROKER_USER=" + suite.settings().brokerUser(),
                "--env", "CONVENE_BROKER_PASSWORD=" + suite.settings().brokerPassword()));
        for (Map.Entry<String, String> setting : suite.applicationConfig().entrySet()) {
            if (!setting.getKey().equals("convene.blobs.dir") && !setting.getKey().startsWith("convene.media.janus-recordings")) {
                run.addAll(List.of("--env", setting.getKey().toUpperCase().replace('.', '_').replace('-', '_') + "=" + setting.getValue()));
            }
        }
        run.add(TAG);
        Result started = podman(run.toArray(String[]::new));
        assertThat(started.exitCode()).as(started.output()).isZero();
        convene = new Api("http://127.0.0.1:" + port);
    }

    @AfterAll
    static void remove() throws Exception {
        podman("rm", "--force", "--ignore", CONTAINER);
    }

    @Test
    void theImageRunsConveneFromItsEnvironmentAndStopsCleanly() throws Exception {
        // Payara answers /health before the WAR is in: ready once Convene's own checks are there and pass
        Reply ready = Eventually.get(ContainerImageIT::readiness, r -> r != null && r.status() == 200
                && r.raw().contains("\"database\""), Duration.ofMinutes(4));
        assertThat(ready.json().get("checks").findValuesAsText("name")).contains("database", "broker");
        Eventually.get(() -> call(() -> convene.get("/api/meetings/upcoming", null)), r -> r != null && r.status() == 401,
                Duration.ofMinutes(1));

        String host = convene.post("/api/users/login", null, Map.of("email", Meetings.HOST, "password",
                ConveneSuite.demoPassword())).text("access_token");
        Reply meeting = convene.post("/api/meetings/schedule", host, Meetings.draft("From the container"));
        assertThat(meeting.status()).as(meeting.toString()).isEqualTo(201);
        assertThat(ConveneSuite.api().get("/api/meetings/" + meeting.text("id") + "/details", host).text("title"))
                .as("written to the suite's database, seen by the suite's own node").isEqualTo("From the container");

        Result user = podman("exec", CONTAINER, "id", "-u");
        assertThat(user.output().strip()).as("not root inside").isEqualTo("10001");

        Result stopped = podman("stop", "--time", "60", CONTAINER);
        assertThat(stopped.exitCode()).as(stopped.output()).isZero();
        Result state = podman("inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}", CONTAINER);
        assertThat(state.output().strip()).as("Payara stopped on SIGTERM").isIn("exited 0", "exited 143");
        assertThat(podman("logs", CONTAINER).output()).contains("Payara Micro").doesNotContain("\u001b[");
        assertThat(Files.size(archive)).isPositive();
    }

    private static Reply readiness() {
        return call(() -> convene.get("/health/ready", null));
    }

    private static Reply call(java.util.function.Supplier<Reply> request) {
        try {
            Reply r = request.get();
            if (podman("inspect", "--format", "{{.State.Running}}", CONTAINER).output().strip().equals("false")) {
                throw new AssertionError("The container stopped: " + podman("logs", "--tail", "60", CONTAINER).output());
            }
            return r;
        } catch (java.io.UncheckedIOException notYet) {
            return null;
        }
    }

    record Result(int exitCode, String output) {
    }

    static Result podman(String... arguments) {
        List<String> command = new ArrayList<>(List.of("podman"));
        command.addAll(List.of(arguments));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return new Result(p.waitFor(), output);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Podman's default for the limit ("nproc=32768:32768"), or this process's own when lower: a container may not have more. */
    private static String limit(String name, long podmansDefault) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
            if (line.startsWith(name)) {
                String soft = line.substring(name.length()).trim().split("\\s+")[0];
                long value = soft.equals("unlimited") ? podmansDefault : Math.min(Long.parseLong(soft), podmansDefault);
                return value + ":" + value;
            }
        }
        throw new IllegalStateException("No " + name + " in /proc/self/limits");
    }
}
