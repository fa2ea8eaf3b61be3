package io.convene.directory.persistence;

import io.convene.personaldata.Erasure;
import io.convene.personaldata.ExportSink;
import io.convene.personaldata.PersonalDataKeeper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

/** The errors a directory sync recorded about a person's entry (they name the entry's DN). */
@ApplicationScoped
public class DirectoryPersonalData implements PersonalDataKeeper {

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @Override
    public int order() {
        return 75;
    }

    @Override
    public void export(UUID personId, ExportSink out) {
        // the directory's attributes of the person are in their profile (the user context's section)
    }

    @Override
    public void erase(Erasure erasure) {
        String dn = erasure.person().directoryDn();
        erasure.erased("directory-errors", dn == null ? 0
                : em.createNativeQuery("delete from directory_run_errors where entry = ?1").setParameter(1, dn).executeUpdate());
    }
}
