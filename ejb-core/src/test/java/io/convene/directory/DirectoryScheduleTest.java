package io.convene.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectoryScheduleTest {

    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    private static Directory directory(boolean enabled) {
        Directory d = new Directory("Corp", DirectoryVendor.OPENLDAP, T0);
        d.configure(DirectoryVendor.OPENLDAP.preset(), List.of(), enabled, 15, 24);
        return d;
    }

    @Test
    void aNewDirectoryWantsAFullSyncThenChangesByItsIntervals() {
        Directory d = directory(true);
        assertThat(d.due(T0)).isEqualTo(DirectoryRun.Mode.FULL);
        d.synced(DirectoryRun.Mode.FULL, "20261125080000Z", T0);
        assertThat(d.due(T0.plus(Duration.ofMinutes(14)))).isNull();
        assertThat(d.due(T0.plus(Duration.ofMinutes(16)))).isEqualTo(DirectoryRun.Mode.CHANGES);
        d.synced(DirectoryRun.Mode.CHANGES, "20261125081600Z", T0.plus(Duration.ofMinutes(16)));
        assertThat(d.due(T0.plus(Duration.ofMinutes(20)))).isNull();
        assertThat(d.due(T0.plus(Duration.ofHours(25)))).isEqualTo(DirectoryRun.Mode.FULL);
    }

    @Test
    void aDisabledScheduleWantsNothingAndChangedSettingsForgetTheMarker() {
        assertThat(directory(false).due(T0)).isNull();
        Directory d = directory(true);
        d.synced(DirectoryRun.Mode.FULL, "20261125080000Z", T0);
        DirectorySettings p = DirectoryVendor.OPENLDAP.preset();
        d.configure(p, List.of(), true, 15, 24);
        assertThat(d.changeMarker()).as("same settings keep it").isEqualTo("20261125080000Z");
        d.configure(new DirectorySettings(List.of("ldap://other.corp.example:389"), p.security(), p.bindDn(), p.usersDn(),
                p.userObjectClasses(), p.userFilter(), p.groupsDn(), p.groupObjectClasses(), p.groupMemberAttribute(),
                p.memberType(), p.attributes(), p.disabledFlag(), p.changeMarker(), p.pageSize()), List.of(), true, 15, 24);
        assertThat(d.changeMarker()).as("another server starts from scratch").isNull();
    }
}
