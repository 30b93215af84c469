package io.fleetmesh.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One generated request, as bytes on the wire will be.
 *
 * @param authenticated whether it carries valid credentials
 * @param oddUrl        whether its path or a header holds something the servlet container or Spring Security's
 *                      firewall rejects before authentication (raw percent-encoded oddities, huge values)
 */
record FuzzRequest(String method, String url, Map<String, String> headers, byte[] body, boolean authenticated,
        boolean oddUrl) {

    private static final int SHOWN = 600;

    /** For a failure message: everything needed to send it again, long values cut. */
    String describe() {
        StringBuilder text = new StringBuilder(method).append(' ').append(cut(url));
        headers.forEach((name, value) -> text.append("\n  ").append(name).append(": ").append(cut(value)));
        if (body != null) {
            text.append("\n  body (").append(body.length).append(" bytes): ")
                    .append(cut(new String(body, StandardCharsets.UTF_8)));
        }
        return text.toString();
    }

    /** Whether the request itself contains the text: a response may echo what it was sent. */
    boolean contains(String text) {
        return url.contains(text) || headers.values().stream().anyMatch(value -> value.contains(text))
                || body != null && new String(body, StandardCharsets.UTF_8).contains(text);
    }

    private static String cut(String text) {
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "... (" + text.length() + " chars)";
    }

    /**
     * UTF-8, except that a lone surrogate is encoded as if it were a code point (3 bytes, {@code ED A0 80} for
     * U+D800) rather than replaced by '?': invalid UTF-8 that a careless decoder lets through.
     */
    static byte[] wtf8(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 16);
        text.codePoints().forEach(cp -> {
            if (cp < 0x80) {
                out.write(cp);
            } else if (cp < 0x800) {
                out.write(0xC0 | cp >> 6);
                out.write(0x80 | cp & 0x3F);
            } else if (cp < 0x10000) {
                out.write(0xE0 | cp >> 12);
                out.write(0x80 | cp >> 6 & 0x3F);
                out.write(0x80 | cp & 0x3F);
            } else {
                out.write(0xF0 | cp >> 18);
                out.write(0x80 | cp >> 12 & 0x3F);
                out.write(0x80 | cp >> 6 & 0x3F);
                out.write(0x80 | cp & 0x3F);
            }
        });
        return out.toByteArray();
    }

    /** Percent-encodes every byte but the unreserved characters of RFC 3986. */
    static String percentEncoded(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : wtf8(text)) {
            char c = (char) (b & 0xFF);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                encoded.append(c);
            } else {
                encoded.append('%').append("0123456789ABCDEF".charAt(c >> 4)).append("0123456789ABCDEF".charAt(c & 0xF));
            }
        }
        return encoded.toString();
    }
}
