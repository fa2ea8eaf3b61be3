package io.convene.notification;

import io.convene.meeting.MeetingNews;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.List;

/**
 * Tells the people concerned what happened to a meeting: a notice for each piece of news, in its
 * transaction, before the announcements to connected services (so a broker that is away is reported
 * as notifications that cannot be sent, as it always was).
 */
@ApplicationScoped
class MeetingNotices {

    /** Observed before the announcements of the same news. */
    static final int ORDER = Interceptor.Priority.APPLICATION;

    @Inject
    Notices notices;

    void scheduled(@Observes(during = TransactionPhase.IN_PROGRESS) @Priority(ORDER) MeetingNews.Scheduled news) {
        notices.publish(NoticeKind.INVITED, news.meeting(), news.invited());
    }

    void changed(@Observes(during = TransactionPhase.IN_PROGRESS) @Priority(ORDER) MeetingNews.Changed news) {
        notices.publish(NoticeKind.CHANGED, news.meeting(), news.told());
        notices.publish(NoticeKind.INVITED, news.meeting(), news.invited());
    }

    void cancelled(@Observes(during = TransactionPhase.IN_PROGRESS) @Priority(ORDER) MeetingNews.Cancelled news) {
        notices.publish(NoticeKind.CANCELLED, news.meeting(), news.told());
    }

    void admitted(@Observes(during = TransactionPhase.IN_PROGRESS) @Priority(ORDER) MeetingNews.Admitted news) {
        notices.publish(NoticeKind.ADMITTED, news.meeting(), news.admitted());
    }

    void removed(@Observes(during = TransactionPhase.IN_PROGRESS) @Priority(ORDER) MeetingNews.Removed news) {
        notices.publish(NoticeKind.REMOVED, news.meeting(), List.of(news.removed()));
    }

    void reminderDue(@Observes(during = TransactionPhase.IN_PROGRESS) @Priority(ORDER) MeetingNews.ReminderDue news) {
        notices.publish(NoticeKind.REMINDER, news.meeting(), news.everyone());
    }
}
