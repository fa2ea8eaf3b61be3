package io.convene.notification;

import io.convene.meeting.MeetingNews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;

/** Tells the people concerned what happened to a meeting: a notice for each piece of news, in its transaction. */
@ApplicationScoped
class MeetingNotices {

    @Inject
    Notices notices;

    void scheduled(@Observes(during = TransactionPhase.IN_PROGRESS) MeetingNews.Scheduled news) {
        notices.publish(NoticeKind.INVITED, news.meeting(), news.invited());
    }

    void changed(@Observes(during = TransactionPhase.IN_PROGRESS) MeetingNews.Changed news) {
        notices.publish(NoticeKind.CHANGED, news.meeting(), news.told());
        notices.publish(NoticeKind.INVITED, news.meeting(), news.invited());
    }

    void cancelled(@Observes(during = TransactionPhase.IN_PROGRESS) MeetingNews.Cancelled news) {
        notices.publish(NoticeKind.CANCELLED, news.meeting(), news.told());
    }

    void admitted(@Observes(during = TransactionPhase.IN_PROGRESS) MeetingNews.Admitted news) {
        notices.publish(NoticeKind.ADMITTED, news.meeting(), news.admitted());
    }

    void removed(@Observes(during = TransactionPhase.IN_PROGRESS) MeetingNews.Removed news) {
        notices.publish(NoticeKind.REMOVED, news.meeting(), List.of(news.removed()));
    }

    void reminderDue(@Observes(during = TransactionPhase.IN_PROGRESS) MeetingNews.ReminderDue news) {
        notices.publish(NoticeKind.REMINDER, news.meeting(), news.everyone());
    }
}
