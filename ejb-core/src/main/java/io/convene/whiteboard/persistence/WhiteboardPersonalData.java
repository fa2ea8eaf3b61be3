package io.convene.whiteboard.persistence;

import io.convene.personaldata.Erasure;
import io.convene.personaldata.ExportSink;
import io.convene.personaldata.PersonalDataKeeper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

/** The texts a person wrote on whiteboards (their shapes stay: the board must still draw). */
@ApplicationScoped
public class WhiteboardPersonalData implements PersonalDataKeeper {

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @Override
    public int order() {
        return 55;
    }

    @Override
    public void export(UUID personId, ExportSink out) {
        // a board's shapes are the meeting's drawing, not records about the person
    }

    @Override
    public void erase(Erasure erasure) {
        erasure.erased("whiteboard-texts", em.createNativeQuery("""
                update whiteboard_ops set shape = shape - 'text'
                where author_id in (select id from participations where user_id = ?1) and jsonb_exists(shape, 'text')""")
                .setParameter(1, erasure.person().id()).executeUpdate());
    }
}
