package io.convene.user;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Where uploaded profile pictures are kept ({@code persistence.SqlProfilePictureStore}: in PostgreSQL). */
public interface ProfilePictureStore {

    /** Keeps the user's picture, in place of any earlier one. */
    void put(UUID userId, byte[] png, Instant at);

    Optional<ProfilePictures.Picture> get(UUID userId);

    void delete(UUID userId);
}
