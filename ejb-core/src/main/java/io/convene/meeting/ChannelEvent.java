package io.convene.meeting;

import io.convene.shared.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;

/** An event of a meeting's channel as clients receive it (docs/meeting-channel.md). */
public record ChannelEvent(long seq, String type, Instant at, JsonObject data) {

    public static ChannelEvent of(MeetingEvent e) {
        try (JsonReader reader = Jsons.createReader(new StringReader(e.payload()))) {
            return new ChannelEvent(e.seq(), e.type(), e.createdAt(), reader.readObject());
        }
    }
}
