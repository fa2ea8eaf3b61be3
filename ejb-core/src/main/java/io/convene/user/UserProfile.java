package io.convene.user;

import java.time.Instant;
import java.util.UUID;

/** A user as the API shows them; until the address is verified, no invitation to it is theirs. */
public record UserProfile(UUID id, String name, String email, String profilePictureUrl, String timeZone,
                          Instant createdAt, UserStatus status, boolean emailVerified, String language) {

    public static UserProfile of(User u) {
        return new UserProfile(u.id(), u.name(), u.email(), u.profilePictureUrl(), u.timeZone().getId(),
                u.createdAt(), u.status(), u.emailVerified(), u.language());
    }
}
