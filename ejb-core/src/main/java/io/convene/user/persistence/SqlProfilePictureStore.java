package io.convene.user.persistence;

import io.convene.shared.NativeValues;
import io.convene.user.ProfilePictureStore;
import io.convene.user.ProfilePictures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link ProfilePictureStore} in PostgreSQL's {@code profile_pictures}. */
@ApplicationScoped
public class SqlProfilePictureStore implements ProfilePictureStore {

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @Override
    public void put(UUID userId, byte[] png, Instant at) {
        em.createNativeQuery("""
                        insert into profile_pictures (user_id, image, updated_at) values (?1, ?2, ?3)
                        on conflict (user_id) do update set image = excluded.image, updated_at = excluded.updated_at""")
                .setParameter(1, userId).setParameter(2, png).setParameter(3, at).executeUpdate();
    }

    @Override
    public Optional<ProfilePictures.Picture> get(UUID userId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select image, updated_at from profile_pictures where user_id = ?1")
                .setParameter(1, userId).getResultList();
        return rows.stream().findFirst().map(r -> new ProfilePictures.Picture((byte[]) r[0], NativeValues.instant(r[1])));
    }

    @Override
    public void delete(UUID userId) {
        em.createNativeQuery("delete from profile_pictures where user_id = ?1").setParameter(1, userId).executeUpdate();
    }
}
