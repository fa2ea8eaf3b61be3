package io.convene.integration;

import io.convene.meeting.MeetingNews;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

/** Tells the connected services, the host's calendar and the webhooks what happened to a meeting, in its transaction. */
@ApplicationScoped
class MeetingAnnouncements {

    /** Observed after the notices of the same news. */
    static final int ORDER = Interceptor.Priority.APPLICATION + 100;

    @Inject
    Announcements announcements;

    void scheduled(@Observes(during = TransactionPhase.IN_PROGRESS) @Priority(ORDER) MeetingNews.Scheduled news) {
        announcements.publish(Announcement.Event.SCHEDULED, news.meeting());
    }

    void changed(@Observes(during = TransactionPhase.IN_PROGRESS) @Priority(ORDER) MeetingNews.Changed news) {
        announcements.publish(Announcement.Event.CHANGED, news.meeting());
    }

    void cancelled(@Observes(during = TransactionPhase.IN_PROGRESS) @Priority(ORDER) MeetingNews.Cancelled news) {
        announcements.publish(Announcement.Event.CANCELLED, news.meeting());
    }

    void started(@Observes(during = TransactionPhase.IN_PROGRESS) @Priority(ORDER) MeetingNews.Started news) {
        announcements.publish(Announcement.Event.STARTED, news.meeting());
    }
}
