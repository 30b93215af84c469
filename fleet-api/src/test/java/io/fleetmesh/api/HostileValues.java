package io.fleetmesh.api;

import io.fleetmesh.api.FuzzJson.Raw;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Values an attacker or a broken client sends. None names a host other than loopback: a webhook URL or an SSRF
 * probe must never make the application reach out of this machine.
 */
final class HostileValues {

    static final int HUGE = 100 * 1024;

    private static final List<String> TEXTS = List.of("", " ", "\t", "\r\n", "null", "true", "[]", "{}", "-1", "0",
            "NaN", "Infinity", "-Infinity", "1e308", "-0", "9999999999999999999999", "0x10", "1_000",
            "\u202Eevil\u202C", "🚚😀👩‍👩‍👧", "\uD800", "\uDFFF", "x\uDBFFy", "\u0000", "a\u0000b", "\u0001\u001f\u007f",
            "\u00e9\u00df\u4e2d\u0627", "\uFEFF", "\uFFFF", "<script>alert(1)</script>", "' OR 1=1 --",
            "'; DROP TABLE devices; --", "\" OR \"\"=\"", "../../../etc/passwd", "..\\..\\windows\\win.ini", "..",
            "%", "%00", "%2e%2e%2f", "%25", "${jndi:ldap://127.0.0.1:9/x}", "{{7*7}}", "%s%n%x", "\\", "\"",
            "P", "PT", "P-1D", "PT-0.001S", "P999999999999D", "PT9999999999999H", "-P1D",
            "9999-12-31T23:59:59Z", "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "0000-00-00T00:00:00Z",
            "1970-01-01T00:00:00Z", "2024-02-30T25:61:61Z", "2024-01-01", "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff", "not-a-uuid", "*", "?", "#", "&a=b", "a/b", "a b", "line\nbreak");

    /** Already percent-encoded oddities, put into URLs as they are: overlong and surrogate UTF-8, NUL, slashes. */
    private static final List<String> ENCODED = List.of("%00", "%2F", "%2f", "%5C", "%2e%2e%2f", "%2e%2e", "%252e",
            "%C0%AE", "%C0%AF", "%ED%A0%80", "%FF", "%E2%80%AE", "%0A", "%0D%0A", "%3B", "%25", "%20", "%3F", "%23");

    private static final List<Object> NUMBERS = List.of(new Raw("-0"), new Raw("1e308"), new Raw("-1e308"),
            new Raw("1e309"), new Raw("-1e309"), new Raw("9999999999999999999999"), new Raw("-9999999999999999999999"),
            new Raw("1E-400"), new Raw("0.1e-999999"), new Raw("4.9e-324"), 2147483648L, -2147483649L,
            Long.MAX_VALUE, Long.MIN_VALUE, 0, -1, 1.5, new Raw("1" + "0".repeat(1000)));

    private final SplittableRandom random;

    HostileValues(SplittableRandom random) {
        this.random = random;
    }

    /** Any JSON value, of whatever type. */
    Object json() {
        switch (random.nextInt(8)) {
            case 0:
                return null;
            case 1:
                return pick(NUMBERS);
            case 2:
                return random.nextBoolean();
            case 3:
                return deep();
            case 4:
                return random.nextBoolean() ? List.of(text()) : Map.of(text(), text());
            default:
                return text();
        }
    }

    /** A hostile string: from the list, huge, or the list's entries glued together. */
    String text() {
        switch (random.nextInt(10)) {
            case 0:
                return huge();
            case 1:
                return pick(TEXTS) + pick(TEXTS) + pick(TEXTS);
            default:
                return pick(TEXTS);
        }
    }

    /** A string for a URL, sometimes with raw percent-encoded oddities the encoder would never produce. */
    UrlText url() {
        if (random.nextInt(3) == 0) {
            return new UrlText(pick(ENCODED) + (random.nextBoolean() ? pick(ENCODED) : "x"), true);
        }
        String text = random.nextInt(8) == 0 ? "a".repeat(10_000 + random.nextInt(HUGE)) : pick(TEXTS);
        return new UrlText(text, false);
    }

    /** A value for a URL: encoded by the request builder unless it is raw already. */
    record UrlText(String text, boolean raw) {
    }

    String huge() {
        String unit = pick(List.of("a", "é", "🚚", "\u0000", "<", "'", "\uD800"));
        return unit.repeat(HUGE / unit.length());
    }

    /** Arrays or objects nested deeper than a parser should follow, or than a request should carry. */
    Object deep() {
        int depth = random.nextBoolean() ? 2 + random.nextInt(64) : 1000 + random.nextInt(20_000);
        if (random.nextBoolean()) {
            return new Raw("[".repeat(depth) + "]".repeat(depth));
        }
        return new Raw("{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
    }

    /** An object of many junk members, e.g. as a map the schema bounds by nothing but its value type. */
    Map<String, Object> wide() {
        Map<String, Object> members = new LinkedHashMap<>();
        int count = random.nextBoolean() ? 20 : 5000;
        for (int i = 0; i < count; i++) {
            members.put("k" + i + pick(TEXTS), pick(TEXTS));
        }
        return members;
    }

    List<Object> many() {
        List<Object> items = new ArrayList<>();
        int count = random.nextBoolean() ? 50 : 20_000;
        for (int i = 0; i < count; i++) {
            items.add("item-" + i);
        }
        return items;
    }

    <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
