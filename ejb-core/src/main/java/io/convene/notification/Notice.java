package io.convene.notification;

import io.convene.shared.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The message on the notices queue: what happened to which meeting, for whom (participation ids).
 * It carries ids, not copies: deliveries read the meeting as it is when they run.
 */
public record Notice(UUID id, NoticeKind kind, UUID meetingId, List<UUID> participationIds, Instant at) {

    public String toJson() {
        JsonArrayBuilder to = Jsons.createArrayBuilder();
        participationIds.forEach(p -> to.add(p.toString()));
        return Jsons.createObjectBuilder().add("id", id.toString()).add("kind", kind.name())
                .add("meetingId", meetingId.toString()).add("participationIds", to).add("at", at.toString())
                .build().toString();
    }

    public static Notice fromJson(String text) {
        try (JsonReader reader = Jsons.createReader(new StringReader(text))) {
            JsonObject o = reader.readObject();
            return new Notice(UUID.fromString(o.getString("id")), NoticeKind.valueOf(o.getString("kind")),
                    UUID.fromString(o.getString("meetingId")),
                    o.getJsonArray("participationIds").getValuesAs(jakarta.json.JsonString.class).stream()
                            .map(s -> UUID.fromString(s.getString())).toList(),
                    Instant.parse(o.getString("at")));
        }
    }
}
