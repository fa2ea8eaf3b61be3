package io.convene.meeting;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Meetings' event logs kept in a list, for unit tests: what the channel would carry, in order. */
public final class InMemoryMeetingEvents implements MeetingEventStore {

    private final List<MeetingEvent> events = new ArrayList<>();

    @Override
    public void append(MeetingEvent event) {
        events.add(event);
    }

    @Override
    public List<MeetingEvent> after(UUID meetingId, long afterSeq, int limit) {
        return events.stream().filter(e -> e.meetingId().equals(meetingId) && e.seq() > afterSeq).limit(limit).toList();
    }

    /** The types of the meeting's events, in their order. */
    public List<String> typesOf(UUID meetingId) {
        return after(meetingId, 0, Integer.MAX_VALUE).stream().map(MeetingEvent::type).toList();
    }

    /** The meeting's last event of this type. */
    public MeetingEvent last(UUID meetingId, String type) {
        return after(meetingId, 0, Integer.MAX_VALUE).stream().filter(e -> e.type().equals(type))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no " + type + " event"));
    }
}
