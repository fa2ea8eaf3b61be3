package io.convene.meeting;

import io.convene.shared.Jsons;
import io.convene.shared.SharedReads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import java.util.UUID;

/**
 * Who is in a meeting, as the channel's greeting lists them (JSON text), read for several greetings
 * at once ({@link SharedReads}): each greeting lists everyone who was in when it asked, as if it had
 * read alone, and the greetings that ask while a read of the same meeting runs share the next. With
 * a thousand people joining, one read of a thousand rows and one JSON text then serve every
 * greeting that came meanwhile, where each read its own.
 */
@ApplicationScoped
public class PresentRoster {

    @Inject
    MeetingRepository meetings;

    private record Key(UUID meetingId, boolean waitingToo) {
    }

    private final SharedReads<Key, String> reads = new SharedReads<>(30);

    /** Those present (and, for hosts, the waiting room), as the greeting's {@code participants} array. */
    public String json(Meeting meeting, boolean waitingToo) {
        return reads.get(new Key(meeting.id(), waitingToo), () -> {
            JsonArrayBuilder present = Jsons.createArrayBuilder();
            meetings.present(meeting, waitingToo).forEach(p -> present.add(MeetingEventLog.describe(p)));
            return present.build().toString();
        });
    }
}
