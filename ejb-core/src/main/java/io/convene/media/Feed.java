package io.convene.media;

import io.convene.shared.InvalidInputException;
import io.convene.shared.Jsons;
import jakarta.json.JsonObjectBuilder;
import java.util.Locale;
import java.util.UUID;

/**
 * One participant's published media in a meeting's room: their camera (with their microphone) or
 * their screen. Its id, {@code <participation id>-camera} or {@code -screen}, names it on the media
 * server and on the channel.
 */
public record Feed(UUID participationId, Kind kind) {

    public enum Kind { CAMERA, SCREEN }

    public String id() {
        return participationId + "-" + kind.name().toLowerCase(Locale.ROOT);
    }

    /** Reads a feed id from a client; anything else is bad input. */
    public static Feed parse(String id) {
        int dash = id == null ? -1 : id.lastIndexOf('-');
        try {
            return new Feed(UUID.fromString(id.substring(0, dash)), Kind.valueOf(id.substring(dash + 1).toUpperCase(Locale.ROOT)));
        } catch (RuntimeException e) {
            throw new InvalidInputException("feed", "Not a feed: expected <participation id>-camera or -screen");
        }
    }

    /** Reads a feed kind from a client. */
    public static Kind kind(String name) {
        try {
            return Kind.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new InvalidInputException("kind", "Publish 'camera' or 'screen'");
        }
    }

    public JsonObjectBuilder describe() {
        return Jsons.createObjectBuilder().add("feed", id()).add("participationId", participationId.toString())
                .add("kind", kind.name().toLowerCase(Locale.ROOT));
    }
}
