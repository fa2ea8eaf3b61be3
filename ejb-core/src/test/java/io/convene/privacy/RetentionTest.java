package io.convene.privacy;

import static io.convene.privacy.PrivacyWorld.NOW;
import static io.convene.privacy.PrivacyWorld.callerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.audit.InMemoryAuditRepository.Audited;
import io.convene.shared.AccessDeniedException;
import io.convene.shared.Caller;
import io.convene.shared.InvalidInputException;
import io.convene.user.User;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The retention policy: who sets and runs it, what a dry run counts, what a purge removes and records. */
class RetentionTest {

    private final PrivacyWorld world = new PrivacyWorld();
    private final Retention retention = world.retention;
    private final User ada = world.person("ada");
    private final User ann = world.person("ann");
    private final Caller admin = callerOf(ada, Caller.ADMIN);

    RetentionTest() {
        world.chat.addWithFile(ann.id(), "old plan", NOW.minus(Duration.ofDays(40)), "blob-old");
        world.chat.add(ann.id(), "old note", NOW.minus(Duration.ofDays(31)));
        world.chat.addWithFile(ann.id(), "new plan", NOW.minus(Duration.ofDays(29)), "blob-new");
        world.notifications.add(ann.id(), "Meeting moved", NOW.minus(Duration.ofDays(8)));
        world.notifications.add(ann.id(), "Meeting starts", NOW.minus(Duration.ofDays(6)));
    }

    @Test
    void onlyAdministratorsSetAndRunRetention() {
        Caller officer = callerOf(world.person("olga"), Caller.COMPLIANCE_OFFICER);

        assertThatThrownBy(() -> retention.policy(officer))
                .isInstanceOf(AccessDeniedException.class).hasMessage("Only administrators set and run retention");
        assertThatThrownBy(() -> retention.change(officer, 1, 1, 1, 1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> retention.dryRun(officer)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> retention.purgeNow(officer)).isInstanceOf(AccessDeniedException.class);

        assertThat(retention.policy(admin).chatDays()).isNull();
        assertThat(world.calls).isEmpty();
        assertThat(world.audited()).isEmpty();
    }

    @Test
    void agesAreOneToThirtySixThousandFiveHundredDaysOrAbsentToKeepForEver() {
        assertThatThrownBy(() -> retention.change(admin, 0, null, null, null)).isInstanceOf(InvalidInputException.class)
                .hasMessage("chatDays: must be between 1 and 36500 days, or absent to keep for ever");
        assertThatThrownBy(() -> retention.change(admin, null, null, null, 36501)).isInstanceOf(InvalidInputException.class)
                .hasMessage("recordingDays: must be between 1 and 36500 days, or absent to keep for ever");
        assertThat(world.policy.read().chatDays()).isNull();

        Retention.Policy policy = retention.change(admin, 30, null, 90, 36500);

        assertThat(policy.chatDays()).isEqualTo(30);
        assertThat(policy.notificationDays()).isNull();
        assertThat(policy.meetingLogDays()).isEqualTo(90);
        assertThat(policy.recordingDays()).isEqualTo(36500);
        assertThat(world.audited()).containsExactly(new Audited(ada.id(), "retention.changed", "retention",
                "chat 30, notifications null, meeting logs 90, recordings 36500 days"));
    }

    @Test
    void aDryRunCountsWhatWouldGoInTheOrderPeopleReadAndRemovesNothing() {
        retention.change(admin, 30, 7, null, null);

        Retention.Report report = retention.dryRun(admin);

        assertThat(report.dryRun()).isTrue();
        assertThat(report.at()).isEqualTo(NOW);
        assertThat(report.counts()).containsExactly(Map.entry("chat-messages", 2), Map.entry("notifications", 1));
        assertThat(world.calls).containsExactly("notifications count", "chat-messages count");
        assertThat(world.chat.items()).hasSize(3);
        assertThat(world.notifications.items()).hasSize(2);
        assertThat(world.blobs.deleted()).isEmpty();
        assertThat(world.policy.read().lastPurgeAt()).isNull();
        assertThat(world.audited()).extracting(Audited::action).containsExactly("retention.changed");
    }

    @Test
    void aPurgeRemovesWhatIsOlderThanThePolicyAllowsThenTheirFilesAndRecordsIt() {
        retention.change(admin, 30, null, null, null);
        world.clock.advance(Duration.ofHours(1));

        Retention.Report report = retention.purgeNow(admin);

        assertThat(report.dryRun()).isFalse();
        assertThat(report.counts()).as("notifications are kept for ever").containsExactly(Map.entry("chat-messages", 2));
        assertThat(world.chat.items()).extracting(InMemoryKeeper.Item::text).containsExactly("new plan");
        assertThat(world.notifications.items()).hasSize(2);
        assertThat(world.blobs.deleted()).containsExactly("blob-old");
        assertThat(world.blobs.has("blob-new")).isTrue();
        Retention.Policy policy = world.policy.read();
        assertThat(policy.lastPurgeAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(policy.lastPurge()).containsExactly(Map.entry("chat-messages", 2));
        assertThat(world.audited()).last().isEqualTo(new Audited(ada.id(), "retention.purged", "retention",
                "{chat-messages=2}"));
    }

    @Test
    void aFileTheStoreCannotDeleteDoesNotUndoThePurge() {
        world.chat.addWithFile(ann.id(), "older plan", NOW.minus(Duration.ofDays(50)), "blob-stuck");
        world.blobs.stuck("blob-stuck");
        retention.change(admin, 30, null, null, null);

        Retention.Report report = retention.purgeNow(admin);

        assertThat(report.counts()).containsExactly(Map.entry("chat-messages", 3));
        assertThat(world.blobs.deleted()).containsExactly("blob-old");
        assertThat(world.chat.items()).extracting(InMemoryKeeper.Item::text).containsExactly("new plan");
        assertThat(world.policy.read().lastPurgeAt()).isEqualTo(NOW);
    }

    @Test
    void theNightlyPurgeNeedsNoCallerAndLeavesNoAuditEntry() {
        world.policy.change(new io.convene.personaldata.RetentionRun.Ages(null, 7, null, null));

        Map<String, Integer> counts = retention.scheduledPurge();

        assertThat(counts).containsExactly(Map.entry("notifications", 1));
        assertThat(world.notifications.items()).extracting(InMemoryKeeper.Item::text).containsExactly("Meeting starts");
        assertThat(world.policy.read().lastPurge()).isEqualTo(counts);
        assertThat(world.audited()).isEmpty();
    }
}
