package io.convene.meeting;

import io.convene.user.User;
import java.time.Instant;
import java.util.UUID;

/** One line of a meeting list, as {@code you} see it: whether you host it and what you answered. */
public record MeetingSummary(UUID id, String code, String title, Instant start, Instant end, String timeZone,
                             MeetingStatus status, String hostName, boolean youHost, InvitationAnswer yourAnswer) {

    static MeetingSummary of(Meeting m, User you) {
        boolean youHost = m.isHostedBy(you);
        InvitationAnswer answer = youHost ? null : m.participationOf(you).map(Participation::answer).orElse(null);
        return new MeetingSummary(m.id(), m.code(), m.title(), m.slot().start(), m.slot().end(),
                m.timeZone().getId(), m.status(), m.host().name(), youHost, answer);
    }
}
