package io.convene.notification;

import io.convene.shared.Permission;
import io.convene.shared.Permissions;
import io.convene.shared.Caller;
import io.convene.shared.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** How many notifications went out per day (UTC) and channel, for administrators; days without any count zero. */
@Stateless
public class SentVolume {

    @Inject
    Permissions permissions;

    public static final int MOST_DAYS = 366;

    /** One day's notifications sent on each channel. */
    public record Day(LocalDate day, Map<Channel, Long> sent) {

        public long on(Channel channel) {
            return sent.getOrDefault(channel, 0L);
        }
    }

    @Inject
    SentCounts counts;

    @Inject
    Clock clock;

    /** The last {@code days} days up to today, oldest first. */
    public List<Day> lastDays(Caller caller, int days) {
        permissions.require(caller, Permission.SEE_NOTIFICATIONS_SENT);
        if (days < 1 || days > MOST_DAYS) {
            throw new InvalidInputException("days", "must be between 1 and " + MOST_DAYS);
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate first = today.minusDays(days - 1L);
        Map<LocalDate, Map<Channel, Long>> byDay = new TreeMap<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            byDay.put(d, new EnumMap<>(Channel.class));
        }
        for (SentCounts.Count c : counts.between(first, today)) {
            byDay.get(c.day()).put(c.channel(), c.sent());
        }
        List<Day> result = new ArrayList<>();
        byDay.forEach((day, sent) -> result.add(new Day(day, sent)));
        return result;
    }
}
