package io.convene.meeting;

import io.convene.shared.Permission;
import io.convene.shared.Permissions;
import io.convene.search.SearchTerms;
import io.convene.shared.Caller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Every meeting of the organisation, a window at a time, for administrators: upcoming, live, past
 * or cancelled, narrowed by words of the title or agenda (the search index) and a start range,
 * counted and paged by the database.
 */
@Stateless
public class MeetingListing {

    @Inject
    Permissions permissions;

    /** Where a meeting is in its life, as the console groups them. */
    public enum Phase { UPCOMING, LIVE, PAST, CANCELLED }

    public record Filter(Phase phase, String words, Instant from, Instant to) {
    }

    public record Row(UUID id, String code, String title, Instant startsAt, Instant endsAt, MeetingStatus status,
                      String hostName, String hostEmail, long present, long invited) {
    }

    @Inject
    MeetingOverview overview;

    @Inject
    Clock clock;

    public List<Row> page(Caller caller, Filter filter, int offset, int limit) {
        permissions.require(caller, Permission.LIST_EVERY_MEETING);
        return overview.page(window(filter), Math.max(0, offset), Math.max(1, Math.min(500, limit)));
    }

    public long count(Caller caller, Filter filter) {
        permissions.require(caller, Permission.LIST_EVERY_MEETING);
        return overview.count(window(filter));
    }

    private MeetingOverview.Window window(Filter filter) {
        boolean words = filter.words() != null && !filter.words().isBlank();
        return new MeetingOverview.Window(filter.phase(), words ? SearchTerms.prefixQuery(filter.words()) : null,
                filter.from(), filter.to(), clock.instant());
    }
}
