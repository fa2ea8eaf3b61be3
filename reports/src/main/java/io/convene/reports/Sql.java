package io.convene.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Small helpers over JDBC: reports read with plain SQL (they aggregate; they never change entities). */
final class Sql {

    private Sql() {
    }

    interface Row<T> {
        T read(ResultSet r) throws SQLException;
    }

    static <T> List<T> list(DataSource db, String sql, Row<T> row, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet r = s.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (r.next()) {
                    out.add(row.read(r));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Report query failed: " + e.getMessage(), e);
        }
    }

    static <T> T one(DataSource db, String sql, Row<T> row, Object... params) {
        List<T> all = list(db, sql, row, params);
        return all.isEmpty() ? null : all.get(0);
    }

    static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Instant instant) {
                s.setTimestamp(i + 1, Timestamp.from(instant));
            } else {
                s.setObject(i + 1, p);
            }
        }
    }

    static Instant instant(ResultSet r, String column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static UUID uuid(ResultSet r, String column) throws SQLException {
        return r.getObject(column, UUID.class);
    }
}
