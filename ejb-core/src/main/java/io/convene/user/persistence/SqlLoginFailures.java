package io.convene.user.persistence;

import io.convene.shared.NativeValues;
import io.convene.user.LoginFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** {@link LoginFailures} in PostgreSQL's {@code login_failures}. */
@ApplicationScoped
public class SqlLoginFailures implements LoginFailures {

    private static final Map<Scope, String> WHERE = Map.of(
            Scope.CLIENT_AND_ACCOUNT, "account_key = :account and client_key = :client",
            Scope.CLIENT, "client_key = :client",
            Scope.ACCOUNT, "account_key = :account");

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @Override
    public void add(String account, String client, Instant at, Instant forgetBefore) {
        em.createNativeQuery("delete from login_failures where failed_at <= ?1").setParameter(1, forgetBefore)
                .executeUpdate();
        em.createNativeQuery("insert into login_failures (account_key, client_key, failed_at) values (?1, ?2, ?3)")
                .setParameter(1, account).setParameter(2, client).setParameter(3, at).executeUpdate();
    }

    @Override
    public void forget(String account, String client) {
        bind(em.createNativeQuery("delete from login_failures where " + WHERE.get(Scope.CLIENT_AND_ACCOUNT)),
                Scope.CLIENT_AND_ACCOUNT, account, client).executeUpdate();
    }

    @Override
    public long count(Scope scope, String account, String client, Instant since) {
        return ((Number) bind(em.createNativeQuery("select count(*) from login_failures where " + WHERE.get(scope)
                + " and failed_at > :since"), scope, account, client).setParameter("since", since).getSingleResult()).longValue();
    }

    @Override
    public Optional<Instant> nth(Scope scope, String account, String client, Instant since, long skip) {
        return bind(em.createNativeQuery("select failed_at from login_failures where " + WHERE.get(scope)
                        + " and failed_at > :since order by failed_at offset :skip limit 1"), scope, account, client)
                .setParameter("since", since).setParameter("skip", skip)
                .getResultStream().findFirst().map(NativeValues::instant);
    }

    private static Query bind(Query query, Scope scope, String account, String client) {
        if (scope != Scope.CLIENT) {
            query.setParameter("account", account);
        }
        if (scope != Scope.ACCOUNT) {
            query.setParameter("client", client);
        }
        return query;
    }
}
