package io.convene.user;

import io.convene.shared.Caller;
import io.convene.shared.NotFoundException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * People's own pictures, uploaded from their profile ({@link PictureImage}): kept in the database,
 * shown to every signed-in person at {@code /api/users/{id}/picture}, which becomes the profile's
 * picture URL (with the time of the upload, so a new picture is not hidden by a cached one).
 */
@Stateless
public class ProfilePictures {

    private static final Logger LOG = Logger.getLogger(ProfilePictures.class.getName());
    /** The largest upload read: anything larger is refused. */
    public static final int MOST_BYTES = PictureImage.MOST_BYTES;

    @Inject
    ProfilePictureStore pictures;

    @EJB
    UserService users;

    @Inject
    Clock clock;

    /** A picture as served: PNG bytes and when it was uploaded. */
    public record Picture(byte[] png, Instant updatedAt) {
    }

    public UserProfile replace(Caller caller, byte[] upload) {
        byte[] png = PictureImage.squared(upload);
        User user = users.current(caller);
        Instant now = clock.instant();
        pictures.put(user.id(), png, now);
        user.updateProfile(null, "/api/users/" + user.id() + "/picture?v=" + now.toEpochMilli(), null, null);
        LOG.info(() -> "User " + user.id() + " uploaded a profile picture (" + upload.length + " bytes, kept " + png.length + ")");
        return UserProfile.of(user);
    }

    public UserProfile remove(Caller caller) {
        User user = users.current(caller);
        forget(user.id());
        user.updateProfile(null, "", null, null);
        return UserProfile.of(user);
    }

    /** Someone's uploaded picture, for any signed-in person. */
    public Picture of(Caller caller, UUID userId) {
        users.current(caller);
        return pictures.get(userId).orElseThrow(() -> new NotFoundException("No picture uploaded"));
    }

    /** Drops the uploaded picture (another URL was given, or none). */
    void forget(UUID userId) {
        pictures.delete(userId);
    }
}
