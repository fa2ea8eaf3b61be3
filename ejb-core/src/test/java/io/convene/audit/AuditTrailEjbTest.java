package io.convene.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.meeting.MeetingWorld;
import io.convene.shared.AccountDeactivatedException;
import io.convene.shared.Caller;
import io.convene.user.User;
import io.convene.user.UserPorts;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The audit trail as other modules reach it: what an entry records, and whose entry it is. */
class AuditTrailEjbTest {

    private final MeetingWorld world = new MeetingWorld();
    private final InMemoryAuditRepository entries = new InMemoryAuditRepository(
            id -> world.users.byId(id).map(User::email).orElse(null));
    private final RequestOrigin origin = new RequestOrigin();
    private final AuditTrailEjb trail = new AuditTrailEjb();

    private final User admin = world.person("admin");

    AuditTrailEjbTest() {
        trail.trail = AuditTrails.of(entries, UserPorts.auditedPeople(world.userService), world.clock, origin);
    }

    @Test
    void anActionIsRecordedWithWhoDidItToWhatWhenAndFromWhereAndAnswersWhoActed() {
        origin.from("203.0.113.7");
        world.clock.advance(Duration.ofMinutes(3));

        UUID actor = trail.action(MeetingWorld.callerOf(admin, Caller.ADMIN), AuditAction.DIRECTORY_CREATED,
                "directory:corp", "name=Corp");

        assertThat(actor).isEqualTo(admin.id());
        assertThat(entries.all()).singleElement().satisfies(e -> {
            assertThat(e.actorUserId()).isEqualTo(admin.id());
            assertThat(e.actorEmail()).isEqualTo("admin@example.com");
            assertThat(e.action()).isEqualTo("directory.created");
            assertThat(e.target()).isEqualTo("directory:corp");
            assertThat(e.detail()).isEqualTo("name=Corp");
            assertThat(e.at()).isEqualTo(MeetingWorld.NOW.plus(Duration.ofMinutes(3)));
            assertThat(e.sourceIp()).isEqualTo("203.0.113.7");
            assertThat(e.outcome()).isEqualTo("SUCCESS");
            assertThat(e.meetingId()).isNull();
            assertThat(e.targetParticipationId()).isNull();
        });
    }

    @Test
    void anActionNotServedFromARequestCarriesNoAddress() {
        trail.action(MeetingWorld.callerOf(admin, Caller.ADMIN), AuditAction.RETENTION_PURGED, null, "3 meetings");

        assertThat(entries.all()).singleElement().satisfies(e -> {
            assertThat(e.sourceIp()).isNull();
            assertThat(e.target()).isNull();
            assertThat(e.action()).isEqualTo("retention.purged");
        });
    }

    @Test
    void someoneActingAtTheirFirstRequestIsMadeAUserAndRecordedAsIt() {
        Caller newcomer = new Caller("sub-new", "Nora New", "nora@example.com", Set.of(Caller.COMPLIANCE_OFFICER), "s1", true);

        UUID actor = trail.action(newcomer, AuditAction.PRIVACY_HOLD_PLACED, "user:x", "litigation");

        User nora = world.users.bySubject("sub-new").orElseThrow();
        assertThat(actor).isEqualTo(nora.id());
        assertThat(entries.all()).singleElement().satisfies(e -> assertThat(e.actorEmail()).isEqualTo("nora@example.com"));
    }

    @Test
    void aDeactivatedAccountIsRefusedAndNothingIsRecorded() {
        admin.deactivate();

        assertThatThrownBy(() -> trail.action(MeetingWorld.callerOf(admin, Caller.ADMIN), AuditAction.WEBHOOK_REMOVED,
                "webhook:1", null))
                .isInstanceOf(AccountDeactivatedException.class).hasMessage("This account is deactivated; ask an administrator");
        assertThat(entries.all()).isEmpty();
    }
}
