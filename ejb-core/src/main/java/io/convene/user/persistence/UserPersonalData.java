package io.convene.user.persistence;

import io.convene.personaldata.Erasure;
import io.convene.personaldata.ExportRows;
import io.convene.personaldata.ExportSink;
import io.convene.personaldata.PersonalDataKeeper;
import io.convene.personaldata.RetentionRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Tuple;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The person's account and uploaded picture; the account itself is pseudonymised by the privacy context last of all. */
@ApplicationScoped
public class UserPersonalData implements PersonalDataKeeper {

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void export(UUID personId, ExportSink out) throws IOException {
        out.section("profile", "Your account: name, e-mail address, directory attributes", rows("""
                select id, name, email, first_name, last_name, phone, department, manager_dn, time_zone, profile_picture_url,
                       status, created_at, directory_dn, directory_username, directory_roles
                from users where id = ?1""", personId));
        @SuppressWarnings("unchecked")
        List<byte[]> picture = em.createNativeQuery("select image from profile_pictures where user_id = ?1")
                .setParameter(1, personId).getResultList();
        if (!picture.isEmpty()) {
            out.file("profile-picture.png", new java.io.ByteArrayInputStream(picture.get(0)));
        }
    }

    @Override
    public void collect(Erasure erasure) {
        Erasure.Person person = erasure.person();
        erasure.replaceInLogs(person.name(), "Erased user " + person.id().toString().substring(0, 8));
        erasure.replaceInLogs(person.email(), "erased@erased.invalid");
    }

    @Override
    public void erase(Erasure erasure) {
        erasure.erased("profile-picture", em.createNativeQuery("delete from profile_pictures where user_id = ?1")
                .setParameter(1, erasure.person().id()).executeUpdate());
    }

    private JsonArray rows(String sql, UUID personId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery(sql, Tuple.class).setParameter(1, personId).getResultList();
        return ExportRows.json(rows);
    }
}
