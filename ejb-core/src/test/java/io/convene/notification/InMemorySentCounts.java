package io.convene.notification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The day counts kept per day, channel and slot, for unit tests; read back summed over the slots,
 * as the view {@code notification_sent} does. Public: the integration context counts its Slack messages here too.
 */
public final class InMemorySentCounts implements SentCounts {

    private record Key(LocalDate day, Channel channel, int slot) {
    }

    private final Map<Key, Long> slots = new java.util.HashMap<>();

    @Override
    public void add(LocalDate day, Channel channel, int slot, long sent) {
        if (slot < 0 || slot >= SentCounter.SLOTS) {
            throw new IllegalArgumentException("no slot " + slot);
        }
        slots.merge(new Key(day, channel, slot), sent, Long::sum);
    }

    /** The day's count on the channel, summed over its slots. */
    public long on(LocalDate day, Channel channel) {
        return slots.entrySet().stream().filter(e -> e.getKey().day().equals(day) && e.getKey().channel() == channel)
                .mapToLong(Map.Entry::getValue).sum();
    }

    @Override
    public List<Count> between(LocalDate first, LocalDate last) {
        Map<LocalDate, Map<Channel, Long>> summed = new TreeMap<>();
        slots.forEach((k, v) -> {
            if (!k.day().isBefore(first) && !k.day().isAfter(last)) {
                summed.computeIfAbsent(k.day(), d -> new java.util.EnumMap<>(Channel.class)).merge(k.channel(), v, Long::sum);
            }
        });
        List<Count> counts = new ArrayList<>();
        summed.forEach((day, byChannel) -> byChannel.forEach((channel, sent) -> counts.add(new Count(day, channel, sent))));
        return counts;
    }
}
