package io.convene.platform.persistence;

import io.convene.platform.SecretStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** {@link SecretStore} in PostgreSQL: the first node to insert a name wins, the others read its value. */
@ApplicationScoped
public class SqlSecretStore implements SecretStore {

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @Override
    public String keepFirst(String name, String value) {
        em.createNativeQuery("insert into app_secrets (name, value) values (?1, ?2) on conflict (name) do nothing")
                .setParameter(1, name).setParameter(2, value).executeUpdate();
        return (String) em.createNativeQuery("select value from app_secrets where name = ?1")
                .setParameter(1, name).getSingleResult();
    }

    @Override
    public void replace(String name, String expected, String value) {
        em.createNativeQuery("update app_secrets set value = ?1 where name = ?2 and value = ?3")
                .setParameter(1, value).setParameter(2, name).setParameter(3, expected).executeUpdate();
    }
}
