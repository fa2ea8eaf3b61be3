package io.convene.meeting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A meeting as the people who may see it see it. */
public record MeetingDetails(UUID id, String code, String title, String agenda, Instant start, Instant end,
                             String timeZone, MeetingStatus status, boolean locked, Person host, boolean passcodeProtected,
                             boolean waitingRoom, boolean allowGuests, Settings settings, String joinUrl,
                             int reminderMinutes, boolean recordOnStart, List<Participant> participants, Series series) {

    /**
     * The recurring series the meeting is one of (null for a single meeting): its rule, in words, and
     * whether this meeting was changed on its own.
     */
    public record Series(UUID id, String rule, String description, Instant occurrenceStart, boolean changedOnItsOwn) {
    }

    public record Person(UUID id, String name, String email) {
    }

    public record Settings(boolean videoOnEntry, boolean audioOnEntry, boolean joinBeforeHost,
                           boolean severalScreenShares, boolean unmuteAllowed, boolean webinar) {
    }

    public record Participant(UUID participationId, String name, String email, boolean guest, MeetingRole role,
                              ParticipationState state, Instant invitedAt, InvitationAnswer answer, Instant admittedAt, Instant joinedAt,
                              Instant leftAt, boolean audioOn, boolean videoOn, boolean sharingScreen) {
    }

    static MeetingDetails of(Meeting m, String joinUrl) {
        MeetingSettings s = m.settings();
        return new MeetingDetails(m.id(), m.code(), m.title(), m.agenda(), m.slot().start(), m.slot().end(),
                m.timeZone().getId(), m.status(), m.isLocked(), new Person(m.host().id(), m.host().name(), m.host().email()),
                m.hasPasscode(), m.hasWaitingRoom(), m.allowsGuests(),
                new Settings(s.videoOnEntry(), s.audioOnEntry(), s.joinBeforeHost(), s.severalScreenShares(),
                        m.unmuteAllowed(), s.webinar()), joinUrl, m.reminderMinutes(), m.recordsFromStart(),
                m.participations().stream().map(p -> new Participant(p.id(), p.displayName(), p.email(),
                        p.isGuest(), p.role(), p.state(), p.invitedAt(), p.answer(), p.admittedAt(), p.joinedAt(),
                        p.leftAt(), p.audioOn(), p.videoOn(), p.sharingScreen())).toList(),
                m.series().map(r -> new Series(r.id(), r.rule(), r.recurrence().describe(), m.occurrenceStart(),
                        m.isDetached())).orElse(null));
    }
}
