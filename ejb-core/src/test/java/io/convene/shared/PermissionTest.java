package io.convene.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PermissionTest {

    private static Caller with(String... roles) {
        return new Caller("subject", "Someone", "someone@example.org", Set.of(roles), null, true);
    }

    @Test
    void administratorsHoldEveryPermissionButActingOnPersonalData() {
        assertThat(Arrays.stream(Permission.values()).filter(p -> !p.grantedTo(with(Caller.ADMIN))))
                .containsExactly(Permission.ACT_ON_PERSONAL_DATA);
    }

    @Test
    void complianceOfficersReadTheTrailAndEveryReportAndActOnPersonalDataButManageNothing() {
        Caller officer = with(Caller.COMPLIANCE_OFFICER);
        assertThat(Arrays.stream(Permission.values()).filter(p -> p.grantedTo(officer))).containsExactlyInAnyOrder(
                Permission.READ_AUDIT_TRAIL, Permission.SEE_EVERY_RECORDING, Permission.READ_EVERY_REPORT, Permission.SEE_WHO_IS_WHO,
                Permission.ACT_ON_PERSONAL_DATA);
    }

    @Test
    void hostsAndParticipantsHoldNoneAndHearWhy() {
        Caller host = with(Caller.HOST, Caller.PARTICIPANT);
        assertThat(Arrays.stream(Permission.values()).filter(p -> p.grantedTo(host))).isEmpty();
        assertThatThrownBy(() -> Permission.MANAGE_DIRECTORIES.requireRole(host))
                .isInstanceOf(AccessDeniedException.class).hasMessage("Only administrators manage directories");
    }
}
