package io.convene.directory;

import static io.convene.directory.DirectoryWorld.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A sync run's own record, step by step: succeeded or failed, and what it leaves on its directory. */
class DirectoryRunsTest {

    private final DirectoryWorld world = new DirectoryWorld();
    private final DirectoryRuns runs = world.runs;
    private final DirectoryView corp = world.add("Corp");

    @Test
    void aFullRunThatSucceededMovesTheDirectorysMarkerAndBothSyncTimesAndKeepsWhatKeycloakImported() {
        UUID full = queue(DirectoryRun.Mode.FULL);
        runs.claim(full, NOW);
        Instant done = NOW.plus(Duration.ofMinutes(3));

        runs.succeed(full, corp.id(), "000000000042", new DirectoryFederation.ImportCounts(40, 2, 1, 0, 1234), done);

        DirectoryRunView view = world.service.run(world.admin(), full);
        assertThat(view.state()).isEqualTo(DirectoryRun.State.SUCCEEDED);
        assertThat(view.finishedAt()).isEqualTo(done);
        assertThat(view.keycloakImport()).isEqualTo(new DirectoryFederation.ImportCounts(40, 2, 1, 0, 1234));
        Directory d = world.directory(corp);
        assertThat(d.changeMarker()).isEqualTo("000000000042");
        assertThat(d.lastFullSyncAt()).isEqualTo(done);
        assertThat(d.lastChangesSyncAt()).isEqualTo(done);

        UUID changes = queue(DirectoryRun.Mode.CHANGES);
        runs.claim(changes, done);
        Instant next = done.plus(Duration.ofMinutes(15));
        runs.succeed(changes, corp.id(), "000000000050", null, next);

        assertThat(world.service.run(world.admin(), changes).keycloakImport()).as("Keycloak left to import at sign-in").isNull();
        assertThat(d.changeMarker()).isEqualTo("000000000050");
        assertThat(d.lastChangesSyncAt()).isEqualTo(next);
        assertThat(d.lastFullSyncAt()).isEqualTo(done);
    }

    @Test
    void aFailedRunKeepsItsReasonAndLeavesTheDirectoryAsItWas() {
        UUID id = queue(DirectoryRun.Mode.FULL);
        runs.claim(id, NOW);

        runs.fail(id, "The bind was refused: invalid credentials", NOW.plusSeconds(5));

        DirectoryRun run = runs.run(id);
        assertThat(run.state()).isEqualTo(DirectoryRun.State.FAILED);
        assertThat(run.error()).isEqualTo("The bind was refused: invalid credentials");
        assertThat(run.finishedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(world.directories.isSyncing(corp.id())).isFalse();
        assertThat(world.directory(corp).lastFullSyncAt()).isNull();
        assertThat(world.directory(corp).changeMarker()).isNull();
    }

    @Test
    void theKeycloakProviderAndTheGroupsGivenRolesAreKeptOnTheDirectory() {
        runs.federated(corp.id(), "federation-9", Set.of("/staff", "/admins"));

        Directory d = world.directory(corp);
        assertThat(d.federationId()).isEqualTo("federation-9");
        assertThat(d.grantedGroups()).containsExactlyInAnyOrder("/staff", "/admins");

        runs.federated(corp.id(), "federation-9", Set.of());
        assertThat(d.grantedGroups()).isEmpty();
    }

    private UUID queue(DirectoryRun.Mode mode) {
        return world.service.sync(world.admin(), corp.id(), mode).id();
    }
}
