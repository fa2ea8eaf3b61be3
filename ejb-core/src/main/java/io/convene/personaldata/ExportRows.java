package io.convene.personaldata;

import io.convene.shared.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.Tuple;
import jakarta.persistence.TupleElement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** A section's rows (a native query's tuples) as the export's JSON: one object per row, its columns by alias. */
public final class ExportRows {

    private ExportRows() {
    }

    public static JsonArray json(List<Tuple> rows) {
        JsonArrayBuilder out = Jsons.createArrayBuilder();
        for (Tuple row : rows) {
            JsonObjectBuilder o = Jsons.createObjectBuilder();
            for (TupleElement<?> e : row.getElements()) {
                Object v = row.get(e);
                String key = e.getAlias();
                if (v == null) {
                    o.addNull(key);
                } else if (v instanceof Boolean b) {
                    o.add(key, b);
                } else if (v instanceof Number n) {
                    o.add(key, n.longValue());
                } else if (v instanceof OffsetDateTime t) {
                    o.add(key, t.toInstant().toString());
                } else if (v instanceof java.sql.Timestamp t) {
                    o.add(key, t.toInstant().toString());
                } else if (v instanceof Instant i) {
                    o.add(key, i.toString());
                } else {
                    o.add(key, v.toString());
                }
            }
            out.add(o);
        }
        return out.build();
    }
}
