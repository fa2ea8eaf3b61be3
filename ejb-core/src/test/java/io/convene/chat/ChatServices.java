package io.convene.chat;

import io.convene.meeting.MeetingWorld;
import io.convene.notification.Notices;
import io.convene.platform.ProductCounters;

/** The chat's use cases wired the way the container wires them, over a {@link MeetingWorld} and a chat in memory. */
final class ChatServices {

    private ChatServices() {
    }

    static ChatService of(MeetingWorld world, InMemoryChat chat, Notices notices, ProductCounters counters) {
        ChatService service = new ChatService();
        service.meetings = world.meetings;
        service.attendees = world.attendees;
        service.chat = chat;
        service.events = world.eventLog;
        service.clock = world.clock;
        service.notices = notices;
        service.counters = counters;
        return service;
    }
}
