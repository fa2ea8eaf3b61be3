package io.convene.meeting;

import java.util.Collection;
import java.util.List;

/**
 * What the people of a meeting, their calendars and the connected services are to hear of it: CDI
 * events fired in the transaction that made the change, with the meeting itself. The notification
 * and integration contexts observe them inside that transaction ({@code during = IN_PROGRESS}), so
 * their messages go to the broker with the change or not at all, and a broker that is away refuses
 * the change (503) as before. The meeting context does not know who listens.
 * ({@link MeetingLifecycle}'s events, by id, are for what acts after the change committed.)
 */
public sealed interface MeetingNews {

    Meeting meeting();

    /** Scheduled (a series: its first meeting): {@code invited} are invited. */
    record Scheduled(Meeting meeting, Collection<Participation> invited) implements MeetingNews {
    }

    /** Changed or moved: {@code told} (invited before) hear of the change, {@code invited} (added now) are invited. */
    record Changed(Meeting meeting, Collection<Participation> told, Collection<Participation> invited) implements MeetingNews {

        public Changed(Meeting meeting, Collection<Participation> told) {
            this(meeting, told, List.of());
        }
    }

    /** Cancelled: {@code told} hear of it (none when another meeting of its series tells them). */
    record Cancelled(Meeting meeting, Collection<Participation> told) implements MeetingNews {
    }

    /** The first person came in: it is live. */
    record Started(Meeting meeting) implements MeetingNews {
    }

    /** Let in from the waiting room. */
    record Admitted(Meeting meeting, Collection<Participation> admitted) implements MeetingNews {
    }

    /** Removed by a host. */
    record Removed(Meeting meeting, Participation removed) implements MeetingNews {
    }

    /** Its reminder is due for {@code everyone} (the host and the invited still welcome). */
    record ReminderDue(Meeting meeting, Collection<Participation> everyone) implements MeetingNews {
    }
}
