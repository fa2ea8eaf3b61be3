package io.convene.reports;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import io.convene.platform.persistence.ModuleMigrations;
import org.flywaydb.core.Flyway;

/**
 * A real PostgreSQL with the product's schema (ejb-core's migrations, then the reports' own), started once for the
 * module's tests, and the few inserts that script who met when.
 */
final class ReportDatabase {

    private static EmbeddedPostgres postgres;

    private ReportDatabase() {
    }

    static synchronized DataSource start() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
            // then the modules' own, as the core's start-up does (the reports' jobs)
            ModuleMigrations.found(ReportDatabase.class.getClassLoader())
                    .forEach(m -> m.apply(postgres.getPostgresDatabase(), ReportDatabase.class.getClassLoader()));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return postgres.getPostgresDatabase();
    }

    static UUID user(DataSource db, String name, String department) {
        UUID id = UUID.randomUUID();
        exec(db, "insert into users (id, subject, name, email, time_zone, created_at, status, department) "
                        + "values (?, ?, ?, ?, 'UTC', now(), 'ACTIVE', ?)",
                id, id.toString(), name, id + "@example.test", department);
        return id;
    }

    static UUID meeting(DataSource db, UUID host, Instant starts) {
        UUID id = UUID.randomUUID();
        exec(db, "insert into meetings (id, title, starts_at, ends_at, time_zone, status, host_id, code, join_token, "
                        + "waiting_room, allow_guests, video_on_entry, audio_on_entry, join_before_host, created_at) "
                        + "values (?, 'Scripted', ?, ?, 'UTC', 'ENDED', ?, ?, ?, false, false, false, false, true, now())",
                id, starts, starts.plusSeconds(3600), host, id.toString().substring(0, 10), id.toString());
        return id;
    }

    static UUID attends(DataSource db, UUID meeting, UUID user, String role) {
        UUID id = UUID.randomUUID();
        exec(db, "insert into participations (id, meeting_id, user_id, role) values (?, ?, ?, ?)", id, meeting, user, role);
        return id;
    }

    static void visit(DataSource db, UUID participation, Instant from, Instant to) {
        exec(db, "insert into participation_visits (participation_id, joined_at, left_at) values (?, ?, ?)",
                participation, from, to);
        exec(db, "update participations set first_joined_at = coalesce(first_joined_at, ?), "
                + "attended_seconds = attended_seconds + ? where id = ?", from, to.getEpochSecond() - from.getEpochSecond(), participation);
    }

    static void message(DataSource db, UUID meeting, UUID sender, Instant at) {
        exec(db, "insert into chat_messages (id, meeting_id, sender_id, client_message_id, content, sent_at) "
                + "values (?, ?, ?, ?, 'hello', ?)", UUID.randomUUID(), meeting, sender, UUID.randomUUID().toString(), at);
        exec(db, "update participations set chat_messages = chat_messages + 1 where id = ?", sender); // as ParticipantActivity does
    }

    static void exec(DataSource db, String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i] instanceof Instant t ? Timestamp.from(t) : params[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
