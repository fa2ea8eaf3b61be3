package io.convene.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeycloakInstallsTest {

    @TempDir
    Path cache;

    @Test
    void eachWayOfStartingGetsItsOwnCopyAndTheUnpackedInstallStaysAsItWas() throws IOException {
        Path unpacked = unpackedKeycloak();

        Path tests = KeycloakInstalls.forStart(unpacked, false, false, true);
        Path https = KeycloakInstalls.forStart(unpacked, false, true, false);

        assertThat(tests).isNotEqualTo(unpacked).isNotEqualTo(https);
        assertThat(tests.getFileName().toString()).isEqualTo("keycloak-26-development-memory");
        assertThat(https.getFileName().toString()).isEqualTo("keycloak-26-production-postgres");
        assertThat(Files.isExecutable(https.resolve("bin/kc.sh"))).as("the script still runs").isTrue();
        assertThat(https.resolve("lib/quarkus/built.txt")).hasContent("unpacked");

        Files.writeString(https.resolve("lib/quarkus/built.txt"), "production"); // what Keycloak's own build does
        assertThat(KeycloakInstalls.forStart(unpacked, false, true, false)).isEqualTo(https);
        assertThat(https.resolve("lib/quarkus/built.txt")).as("kept, not copied again").hasContent("production");
        assertThat(tests.resolve("lib/quarkus/built.txt")).hasContent("unpacked");
        assertThat(unpacked.resolve("lib/quarkus/built.txt")).hasContent("unpacked");
        try (var left = Files.list(cache)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no unfinished copy left")
                    .containsExactlyInAnyOrder("keycloak-26", "keycloak-26-development-memory", "keycloak-26-production-postgres");
        }
    }

    @Test
    void anUnfinishedCopyOfALauncherThatIsGoneIsRemovedAndOneStillAtWorkIsLeft() throws Exception {
        Path unpacked = unpackedKeycloak();
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path abandoned = cache.resolve("keycloak-26-development-memory.partial-" + ended.pid());
        Path atWork = cache.resolve("keycloak-26-development-memory.partial-" + ProcessHandle.current().parent().orElseThrow().pid());
        Files.createDirectories(abandoned.resolve("lib"));
        Files.createDirectories(atWork.resolve("lib"));

        Path tests = KeycloakInstalls.forStart(unpacked, false, false, true);

        assertThat(tests.resolve("lib/quarkus/built.txt")).hasContent("unpacked");
        assertThat(abandoned).as("its launcher was killed while copying").doesNotExist();
        assertThat(atWork).as("a launcher still running").exists();
    }

    @Test
    void anInstallTheOperatorNamesIsStartedAsItIs() throws IOException {
        Path theirs = unpackedKeycloak();
        assertThat(KeycloakInstalls.forStart(theirs, true, true, false)).isEqualTo(theirs);
        try (var left = Files.list(cache)) {
            assertThat(left).hasSize(1);
        }
    }

    private Path unpackedKeycloak() throws IOException {
        Path home = cache.resolve("keycloak-26");
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("lib/quarkus"));
        Files.writeString(home.resolve("bin/kc.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(home.resolve("bin/kc.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("lib/quarkus/built.txt"), "unpacked");
        return home;
    }
}
