package io.convene.notification;

import io.convene.meeting.Meeting;
import java.util.Optional;
import java.util.UUID;

/**
 * What delivering a notice asks of the connected outside services, answered by the integration
 * context (which itself tells people through notices, so notification does not reach back into it).
 */
public interface ConnectedServices {

    /**
     * Whether the meeting's invitations go out from its host's own calendar (Google or Outlook is
     * connected): then Convene's e-mail stays quiet.
     */
    boolean invitesThroughHostsCalendar(Meeting meeting);

    /** The organisation's Slack connection, if Slack is connected. */
    Optional<UUID> organisationSlack();

    /** A notice to one person (their participation) as a Slack direct message (they asked for Slack), retried on its own. */
    void directMessage(UUID noticeId, NoticeKind kind, Meeting meeting, UUID participationId, UUID slackConnection);
}
