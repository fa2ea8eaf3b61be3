package io.convene.privacy.persistence;

import io.convene.personaldata.Erasure;
import io.convene.personaldata.ExportRows;
import io.convene.personaldata.ExportSink;
import io.convene.personaldata.PersonalDataKeeper;
import io.convene.privacy.PrivacyRequest;
import io.convene.privacy.PrivacyRequestRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Tuple;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

/** The legal holds on a person, and the files of their earlier exports (still in the blob store for their day). */
@ApplicationScoped
public class PrivacyPersonalData implements PersonalDataKeeper {

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @Inject
    PrivacyRequestRepository requests;

    @Override
    public int order() {
        return 90;
    }

    @Override
    public void export(UUID personId, ExportSink out) throws IOException {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("select reason, placed_at from legal_holds where user_id = ?1", Tuple.class)
                .setParameter(1, personId).getResultList();
        out.section("legal-holds", "Legal holds on your data", ExportRows.json(rows));
    }

    @Override
    public void erase(Erasure erasure) {
        List<PrivacyRequest> exports = requests.storedExportsOf(erasure.person().id());
        exports.forEach(r -> erasure.deleteFileAfterwards(r.withdraw(erasure.at())));
        erasure.erased("exports", exports.size());
    }
}
