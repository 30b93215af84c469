package io.fleetmesh.api;

import java.util.List;
import java.util.Map;

/**
 * JSON text written by hand rather than by Jackson, so that the fuzzer can send what Jackson would refuse to write:
 * numbers out of every Java range, {@code -0}, nesting deeper than any parser allows, lone surrogates.
 */
final class FuzzJson {

    /** JSON text that is sent as it is, e.g. {@code 1e309}. */
    record Raw(String text) {
    }

    private final boolean escapeNonAscii;

    private FuzzJson(boolean escapeNonAscii) {
        this.escapeNonAscii = escapeNonAscii;
    }

    static String write(Object value) {
        return write(value, false);
    }

    /** With every non-ASCII character as a JSON unicode escape, lone surrogates too: valid JSON, invalid text. */
    static String write(Object value, boolean escapeNonAscii) {
        StringBuilder out = new StringBuilder();
        new FuzzJson(escapeNonAscii).write(value, out);
        return out.toString();
    }

    private void write(Object value, StringBuilder out) {
        if (value instanceof Raw raw) {
            out.append(raw.text());
        } else if (value instanceof String text) {
            string(text, out);
        } else if (value instanceof Map<?, ?> map) {
            object(map, out);
        } else if (value instanceof List<?> list) {
            array(list, out);
        } else {
            out.append(value);
        }
    }

    private void object(Map<?, ?> map, StringBuilder out) {
        out.append('{');
        String separator = "";
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            out.append(separator);
            string(String.valueOf(entry.getKey()), out);
            out.append(':');
            write(entry.getValue(), out);
            separator = ",";
        }
        out.append('}');
    }

    private void array(List<?> list, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
            out.append(i == 0 ? "" : ",");
            write(list.get(i), out);
        }
        out.append(']');
    }

    /** Control characters are escaped as JSON requires; the rest is escaped or not, lone surrogates too. */
    private void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || escapeNonAscii && c > 0x7e) {
                out.append("\\u%04x".formatted((int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
