package io.convene.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.meeting.MeetingWorld;
import io.convene.shared.AccessDeniedException;
import io.convene.shared.AccountDeactivatedException;
import io.convene.shared.Caller;
import io.convene.shared.InvalidInputException;
import io.convene.shared.Page;
import io.convene.user.User;
import io.convene.user.UserPorts;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Reading the audit trail: who may, a page at a time newest first, the filter, and the CSV export that is itself recorded. */
class AuditQueryTest {

    private static final AuditFilter EVERYTHING = new AuditFilter(null, null, null, null, null, null);

    private final MeetingWorld world = new MeetingWorld();
    private final InMemoryAuditRepository entries = new InMemoryAuditRepository(
            id -> world.users.byId(id).map(User::email).orElse(null));
    private final AuditTrail trail = AuditTrails.of(entries, UserPorts.auditedPeople(world.userService), world.clock);
    private final AuditQuery query = new AuditQuery();

    private final User admin = world.person("admin");
    private final User officer = world.person("officer");
    private final User ann = world.person("ann");
    private final Caller asAdmin = MeetingWorld.callerOf(admin, Caller.ADMIN);

    AuditQueryTest() {
        query.permissions = UserPorts.permissions(world.users);
        query.entries = entries;
        query.people = UserPorts.auditedPeople(world.userService);
        query.trail = trail;
    }

    /** One entry a minute: account.created, account.roles, directory.created, account.disabled, webhook.registered. */
    private void fiveActions() {
        AuditAction[] actions = {AuditAction.ACCOUNT_CREATED, AuditAction.ACCOUNT_ROLES_CHANGED, AuditAction.DIRECTORY_CREATED,
                AuditAction.ACCOUNT_DISABLED, AuditAction.WEBHOOK_REGISTERED};
        for (AuditAction action : actions) {
            trail.action(asAdmin, action, "thing:" + action.code(), null);
            world.clock.advance(Duration.ofMinutes(1));
        }
    }

    @Test
    void onlyAdministratorsAndComplianceOfficersReadOrExportTheTrail() {
        fiveActions();
        Caller participant = MeetingWorld.callerOf(ann, Caller.PARTICIPANT, Caller.HOST);
        StringWriter csv = new StringWriter();

        assertThatThrownBy(() -> query.search(participant, EVERYTHING, 0, 10))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("Only administrators and compliance officers read the audit trail");
        assertThatThrownBy(() -> query.exporting(participant, EVERYTHING)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> query.exportCsv(participant, EVERYTHING, csv)).isInstanceOf(AccessDeniedException.class);
        assertThat(csv.toString()).isEmpty();
        assertThat(entries.withAction(AuditAction.AUDIT_EXPORTED)).isEmpty();

        assertThat(query.search(MeetingWorld.callerOf(officer, Caller.COMPLIANCE_OFFICER), EVERYTHING, 0, 10).total())
                .isEqualTo(5);
    }

    @Test
    void aDeactivatedAdministratorIsRefusedThoughTheirTokenStillSaysAdmin() {
        fiveActions();
        admin.deactivate();

        assertThatThrownBy(() -> query.search(asAdmin, EVERYTHING, 0, 10)).isInstanceOf(AccountDeactivatedException.class);
    }

    @Test
    void theTrailIsReadNewestFirstAPageAtATimeWithHowManyMatchInAll() {
        fiveActions();

        Page<AuditView> first = query.search(asAdmin, EVERYTHING, 0, 2);
        Page<AuditView> last = query.search(asAdmin, EVERYTHING, 2, 2);

        assertThat(first.items()).extracting(AuditView::action).containsExactly("webhook.registered", "account.disabled");
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.page()).isZero();
        assertThat(first.size()).isEqualTo(2);
        assertThat(last.items()).extracting(AuditView::action).containsExactly("account.created");
        assertThat(last.items().get(0).actorEmail()).isEqualTo("admin@example.com");
    }

    @Test
    void aPageOutsideItsBoundsIsRefused() {
        for (int[] pageAndSize : new int[][] {{-1, 10}, {0, 0}, {0, 501}}) {
            assertThatThrownBy(() -> query.search(asAdmin, EVERYTHING, pageAndSize[0], pageAndSize[1]))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("size: page must be 0 or more and size between 1 and 500");
        }
        assertThat(query.search(asAdmin, EVERYTHING, 0, 500).items()).isEmpty();
    }

    @Test
    void theFilterFindsAnActionByItsPrefixWithinATimeWindow() {
        fiveActions();
        Instant start = MeetingWorld.NOW;

        Page<AuditView> accounts = query.search(asAdmin,
                new AuditFilter(null, "account.", null, null, start.plus(Duration.ofMinutes(1)), start.plus(Duration.ofMinutes(3))), 0, 10);
        Page<AuditView> ofAnother = query.search(asAdmin, new AuditFilter(ann.id(), null, null, null, null, null), 0, 10);

        assertThat(accounts.items()).extracting(AuditView::action).containsExactly("account.roles");
        assertThat(accounts.total()).isOne();
        assertThat(ofAnother.items()).isEmpty();
    }

    @Test
    void exportingIsItselfRecordedWithItsFilterBeforeTheRowsAreWritten() {
        AuditFilter filter = new AuditFilter(null, "account.", null, null, MeetingWorld.NOW, null);

        query.exporting(MeetingWorld.callerOf(officer, Caller.COMPLIANCE_OFFICER), filter);

        assertThat(entries.withAction(AuditAction.AUDIT_EXPORTED)).singleElement().satisfies(e -> {
            assertThat(e.actorUserId()).isEqualTo(officer.id());
            assertThat(e.target()).isNull();
            assertThat(e.detail()).isEqualTo("filter: actor=null action=account. target=null meeting=null from="
                    + MeetingWorld.NOW + " to=null");
        });
    }

    @Test
    void theCsvExportHasEveryMatchOldestFirstWithItsCellsMadeSafe() {
        trail.action(asAdmin, AuditAction.DIRECTORY_CHANGED, "directory:1", "name=\"Corp, Inc\"");
        world.clock.advance(Duration.ofSeconds(1));
        trail.action(asAdmin, AuditAction.DIRECTORY_SYNCED, "directory:1", "=HYPERLINK(\"x\")");
        trail.action(asAdmin, AuditAction.WEBHOOK_REMOVED, "webhook:9", null);
        StringWriter csv = new StringWriter();

        query.exportCsv(asAdmin, new AuditFilter(null, "directory.", null, null, null, null), csv);

        assertThat(csv.toString().split("\n", -1)).containsExactly(
                "id,at,actor_user_id,actor_email,action,meeting_id,target,target_participation_id,detail,source_ip,outcome",
                "1," + MeetingWorld.NOW + "," + admin.id() + ",admin@example.com,directory.changed,,directory:1,,"
                        + "\"name=\"\"Corp, Inc\"\"\",,SUCCESS",
                "2," + MeetingWorld.NOW.plusSeconds(1) + "," + admin.id() + ",admin@example.com,directory.sync,,directory:1,,"
                        + "\"'=HYPERLINK(\"\"x\"\")\",,SUCCESS",
                "");
    }
}
