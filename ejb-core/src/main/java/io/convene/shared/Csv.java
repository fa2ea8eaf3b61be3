package io.convene.shared;

/** CSV cells for the files Convene exports (audit trail, usage reports). */
public final class Csv {

    private Csv() {
    }

    /** RFC 4180: quoted when needed; a leading = + - @ is neutralised so spreadsheets do not run it. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        return s.matches("(?s).*[\",\\n\\r].*") || s.startsWith("'") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
