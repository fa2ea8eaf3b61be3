package io.convene.user;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Uploaded profile pictures kept in a map, for unit tests. */
final class InMemoryProfilePictures implements ProfilePictureStore {

    final Map<UUID, ProfilePictures.Picture> pictures = new HashMap<>();

    @Override
    public void put(UUID userId, byte[] png, Instant at) {
        pictures.put(userId, new ProfilePictures.Picture(png, at));
    }

    @Override
    public Optional<ProfilePictures.Picture> get(UUID userId) {
        return Optional.ofNullable(pictures.get(userId));
    }

    @Override
    public void delete(UUID userId) {
        pictures.remove(userId);
    }
}
