package io.fleetmesh.api;

import io.fleetmesh.api.HostileValues.UrlText;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Values for one request, drawn from the schemas: mostly valid-looking (so that requests get past validation into
 * the code behind it), each replaced by a hostile one with the case's probability.
 */
final class SchemaValues {

    /** Strings the document types as plain strings, though the application reads them as durations or URLs. */
    private static final Map<String, String> FORMATS_BY_NAME = Map.of("ttl", "duration", "validFor", "duration",
            "wait", "duration", "sampling", "duration", "url", "loopback-url");
    /** Names whose values are ids: most often one of the fixtures', so that lookups find something. */
    private static final Set<String> ID_NAMES = Set.of("id", "deviceId", "device", "devices", "key", "fanout");
    private static final List<String> DURATIONS = List.of("PT0.2S", "PT1S", "PT0.5S", "PT10S", "PT1M", "PT1H",
            "P1D", "P30D", "P365D", "PT0S", "PT-1S", "P1DT1H", "pt1s", "1s", "PT0.000000001S");
    private static final List<String> URLS = List.of("http://127.0.0.1:9/hook", "https://127.0.0.1:9/hook?a=b",
            "http://localhost:9/", "http://[::1]:9/x", "http://127.0.0.1:99999/", "http://127.0.0.1:9/%00", "http://",
            "https://127.0.0.1:9/" + "a".repeat(1990), "ftp://127.0.0.1/", "http://user:pass@127.0.0.1:9/");
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.éß中🚚";

    private final JsonNode schemas;
    private final List<String> knownIds;
    private final SplittableRandom random;
    private final HostileValues hostile;
    private final int hostility;

    /** Hostility: the percentage of values replaced by hostile ones. */
    SchemaValues(JsonNode schemas, List<String> knownIds, SplittableRandom random, int hostility) {
        this.schemas = schemas;
        this.knownIds = knownIds;
        this.random = random;
        this.hostile = new HostileValues(random);
        this.hostility = hostility;
    }

    SplittableRandom random() {
        return random;
    }

    HostileValues hostile() {
        return hostile;
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    /** A JSON value for the schema. */
    Object json(JsonNode schema, String name, int depth) {
        return chance(hostility) ? hostile.json() : valid(resolve(schema), name, depth);
    }

    /** A parameter's value as it goes into a URL or header; null to leave the parameter out. */
    UrlText text(JsonNode schema, String name) {
        if (chance(hostility)) {
            return hostile.url();
        }
        Object value = valid(resolve(schema), name, 0);
        return value == null ? null : new UrlText(value instanceof String text ? text : FuzzJson.write(value), false);
    }

    private Object valid(JsonNode schema, String name, int depth) {
        if (schema.has("enum")) {
            return enumValue(schema.get("enum"));
        }
        switch (schema.path("type").stringValue("")) {
            case "object":
                return object(schema, name, depth);
            case "array":
                return array(schema, name, depth);
            case "string":
                return string(schema, name);
            case "integer":
                return integer(schema);
            case "number":
                return number(schema);
            case "boolean":
                return random.nextBoolean();
            default:
                return depth > 3 ? "x" : hostile.pick(List.of(1, "text", List.of(1, 2), Map.of("a", 1), true));
        }
    }

    private Object enumValue(JsonNode values) {
        String value = values.get(random.nextInt(values.size())).stringValue("");
        return chance(5) ? value.toLowerCase() : value;
    }

    private Map<String, Object> object(JsonNode schema, String name, int depth) {
        Map<String, Object> members = new LinkedHashMap<>();
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(field -> required.add(field.stringValue("")));
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            if (depth < 6 && chance(required.contains(property.getKey()) ? 97 : 60)) {
                members.put(property.getKey(), json(property.getValue(), property.getKey(), depth + 1));
            }
        }
        if (schema.path("additionalProperties").isObject() && depth < 6) {
            if (chance(hostility)) {
                return hostile.wide();
            }
            for (int i = random.nextInt(4); i > 0; i--) {
                members.put(PatternValues.generate("[a-z][a-z0-9_.-]{0,12}", random),
                        json(schema.get("additionalProperties"), name, depth + 1));
            }
        }
        if (chance(hostility)) {
            members.put(hostile.text(), hostile.json());
        }
        return members;
    }

    private List<Object> array(JsonNode schema, String name, int depth) {
        if (chance(hostility / 2)) {
            return hostile.many();
        }
        int min = schema.path("minItems").asInt(0);
        int max = Math.min(schema.path("maxItems").asInt(4), min + 4);
        List<Object> items = new ArrayList<>();
        for (int count = min + random.nextInt(max - min + 1); count > 0 && depth < 6; count--) {
            items.add(json(schema.path("items"), name, depth + 1));
        }
        return items;
    }

    private String string(JsonNode schema, String name) {
        String format = schema.path("format").stringValue(FORMATS_BY_NAME.getOrDefault(name, ""));
        if ((ID_NAMES.contains(name) || format.equals("uuid")) && chance(50)) {
            return hostile.pick(knownIds);
        }
        switch (format) {
            case "uuid":
                return new UUID(random.nextLong(), random.nextLong()).toString();
            case "date-time":
                return dateTime();
            case "duration":
                return hostile.pick(DURATIONS);
            case "loopback-url":
                return hostile.pick(URLS);
            case "byte":
                return Base64.getEncoder().encodeToString(hostile.text().getBytes(StandardCharsets.UTF_8));
            default:
                return schema.has("pattern") ? PatternValues.generate(schema.get("pattern").stringValue(), random)
                        : plain(schema.path("minLength").asInt(0), schema.path("maxLength").asInt(40));
        }
    }

    private String dateTime() {
        Instant at = Instant.now().plus(Duration.ofSeconds(random.nextLong(-400L * 86_400, 2L * 86_400)));
        ZoneOffset offset = ZoneOffset.ofHours(random.nextInt(-12, 15));
        return chance(50) ? at.toString() : OffsetDateTime.ofInstant(at, offset).toString();
    }

    private String plain(int min, int max) {
        StringBuilder text = new StringBuilder();
        for (int length = min + random.nextInt(Math.max(Math.min(max, 40) - min, 0) + 1); length > 0; length--) {
            text.appendCodePoint(LETTERS.codePointAt(LETTERS.offsetByCodePoints(0,
                    random.nextInt(LETTERS.codePointCount(0, LETTERS.length())))));
        }
        return text.toString();
    }

    /** An integer within the schema's bounds, or on or just past them. */
    private Object integer(JsonNode schema) {
        long min = schema.path("minimum").asLong(-1000);
        long max = schema.path("maximum").asLong(Math.max(min, 0) + 1000);
        if (chance(20)) {
            return hostile.pick(List.of(min, max, min - 1, max + 1));
        }
        return min + random.nextLong(max - min + 1);
    }

    private Object number(JsonNode schema) {
        double min = schema.path("minimum").asDouble(-1000);
        double max = schema.path("maximum").asDouble(Math.max(min, 0) + 1000);
        if (chance(20)) {
            return hostile.pick(List.of(min, max, Math.nextDown(min), Math.nextUp(max)));
        }
        return min + random.nextDouble() * (max - min);
    }

    /** The schema itself, or the component a {@code $ref} names. */
    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").stringValue("");
        return ref.isEmpty() ? schema : schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
    }
}
