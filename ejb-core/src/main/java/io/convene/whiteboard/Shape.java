package io.convene.whiteboard;

import io.convene.shared.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Something on the board: a rectangle, ellipse or line (x, y, w, h; a line goes from (x, y) by
 * (w, h)), a freehand path (points), or text at (x, y). Coordinates are board units.
 */
public record Shape(
        @NotNull Type type,
        @DecimalMin("-100000") @DecimalMax("100000") double x,
        @DecimalMin("-100000") @DecimalMax("100000") double y,
        @DecimalMin("-100000") @DecimalMax("100000") double w,
        @DecimalMin("-100000") @DecimalMax("100000") double h,
        @Size(max = 2000) List<@NotNull @Size(min = 2, max = 2) List<@NotNull Double>> points,
        @Size(max = 1000) String text,
        @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "must be a colour like #1a2b3c") String color,
        @DecimalMin("0.5") @DecimalMax("100") Double width) {

    public enum Type { RECT, ELLIPSE, LINE, PATH, TEXT }

    String toJson() {
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("type", type.name()).add("x", x).add("y", y)
                .add("w", w).add("h", h).add("color", color == null ? "#000000" : color)
                .add("width", width == null ? 2 : width);
        if (points != null) {
            JsonArrayBuilder ps = Jsons.createArrayBuilder();
            points.forEach(p -> ps.add(Jsons.createArrayBuilder().add(p.get(0)).add(p.get(1))));
            b.add("points", ps);
        }
        if (text != null) {
            b.add("text", text);
        }
        return b.build().toString();
    }

    static Shape fromJson(String json) {
        try (JsonReader reader = Jsons.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            List<List<Double>> points = null;
            if (o.containsKey("points")) {
                points = new ArrayList<>();
                for (var p : o.getJsonArray("points")) {
                    var pair = p.asJsonArray();
                    points.add(List.of(pair.getJsonNumber(0).doubleValue(), pair.getJsonNumber(1).doubleValue()));
                }
            }
            return new Shape(Type.valueOf(o.getString("type")), o.getJsonNumber("x").doubleValue(),
                    o.getJsonNumber("y").doubleValue(), o.getJsonNumber("w").doubleValue(),
                    o.getJsonNumber("h").doubleValue(), points, o.getString("text", null), o.getString("color"),
                    o.getJsonNumber("width").doubleValue());
        }
    }
}
