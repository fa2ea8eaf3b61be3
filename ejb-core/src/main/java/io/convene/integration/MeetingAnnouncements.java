package io.convene.integration;

import io.convene.meeting.MeetingNews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** Tells the connected services, the host's calendar and the webhooks what happened to a meeting, in its transaction. */
@ApplicationScoped
class MeetingAnnouncements {

    @Inject
    Announcements announcements;

    void scheduled(@Observes(during = TransactionPhase.IN_PROGRESS) MeetingNews.Scheduled news) {
        announcements.publish(Announcement.Event.SCHEDULED, news.meeting());
    }

    void changed(@Observes(during = TransactionPhase.IN_PROGRESS) MeetingNews.Changed news) {
        announcements.publish(Announcement.Event.CHANGED, news.meeting());
    }

    void cancelled(@Observes(during = TransactionPhase.IN_PROGRESS) MeetingNews.Cancelled news) {
        announcements.publish(Announcement.Event.CANCELLED, news.meeting());
    }

    void started(@Observes(during = TransactionPhase.IN_PROGRESS) MeetingNews.Started news) {
        announcements.publish(Announcement.Event.STARTED, news.meeting());
    }
}
