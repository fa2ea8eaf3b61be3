package io.convene.meeting;

import io.convene.shared.Permission;
import io.convene.shared.Permissions;
import io.convene.shared.Caller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** What is going on now across the organisation, for administrators: meetings with people in them, and today's. */
@Stateless
public class LiveMeetings {

    @Inject
    Permissions permissions;

    private static final int SHOWN = 100;

    @Inject
    MeetingOverview overview;

    @Inject
    Clock clock;

    public record Live(UUID id, String title, String code, String host, long present, Instant since) {
    }

    public record Now(long liveMeetings, long participantsNow, long meetingsToday, List<Live> live) {
    }

    public Now now(Caller caller) {
        permissions.require(caller, Permission.SEE_LIVE_MEETINGS);
        List<Live> live = overview.live();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        long meetingsToday = overview.startingBetween(today.atStartOfDay(ZoneOffset.UTC).toInstant(),
                today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        return new Now(live.size(), live.stream().mapToLong(Live::present).sum(), meetingsToday,
                live.subList(0, Math.min(SHOWN, live.size())));
    }
}
