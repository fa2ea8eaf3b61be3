package io.convene.notification;

import io.convene.meeting.Meeting;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the integration context answers the notification context, for unit tests: which hosts have
 * their calendar connected, whether Slack is, and the Slack direct messages asked for (recorded).
 */
final class RecordingConnectedServices implements ConnectedServices {

    /** One direct message asked for. */
    record DirectMessage(UUID noticeId, NoticeKind kind, UUID meetingId, UUID participationId, UUID slackConnection) {
    }

    final Set<UUID> hostsWithCalendar = new HashSet<>();
    UUID slack;
    final List<DirectMessage> directMessages = new ArrayList<>();

    @Override
    public boolean invitesThroughHostsCalendar(Meeting meeting) {
        return hostsWithCalendar.contains(meeting.host().id());
    }

    @Override
    public Optional<UUID> organisationSlack() {
        return Optional.ofNullable(slack);
    }

    @Override
    public void directMessage(UUID noticeId, NoticeKind kind, Meeting meeting, UUID participationId, UUID slackConnection) {
        directMessages.add(new DirectMessage(noticeId, kind, meeting.id(), participationId, slackConnection));
    }
}
