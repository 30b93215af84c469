package io.fleetmesh.protocol;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The parameters of an {@code install-package} command (ADR 0013): which rollout, which package (name, version, kind),
 * the truck's pull consumer of its chunks on the hub's {@code OBJ_packages}, the object's nuid, size, chunk count
 * and the stream sequence of its first chunk, the digest ({@code SHA-256=<base64url>}), the signature if any
 * (base64url of an Ed25519 signature of the raw digest), the preconditions install waits for, and the time after
 * which it must not install.
 */
public record PackageOrder(String rollout, String name, String version, String kind, String consumer, String nuid,
                           long sizeBytes, long chunks, long firstSequence, String digest, String signature,
                           List<String> installWhen, Instant installBy) {

    public static final String COMMAND = "install-package";
    /** The Object Store bucket of each tenant account that holds its packages, and its stream (the consumer's). */
    public static final String BUCKET = "packages";
    public static final String STREAM = "OBJ_" + BUCKET;
    public static final Set<String> KINDS = Set.of("agent", "firmware", "file");
    // names become file names on the truck: a leading letter or digit, so never "." or ".."
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern DIGEST = Pattern.compile("SHA-256=[A-Za-z0-9_-]{43}=?");
    private static final Pattern SIGNATURE = Pattern.compile("[A-Za-z0-9_-]{86}(==)?");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.+_-]{0,63}");

    public PackageOrder {
        installWhen = List.copyOf(installWhen);
    }

    /** The command's parameters, as the truck reads them back with {@link #parse}. */
    public Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("rollout", rollout);
        params.put("name", name);
        params.put("version", version);
        params.put("kind", kind);
        params.put("consumer", consumer);
        params.put("nuid", nuid);
        params.put("sizeBytes", sizeBytes);
        params.put("chunks", chunks);
        params.put("firstSequence", firstSequence);
        params.put("digest", digest);
        params.put("signature", signature);
        params.put("installWhen", installWhen);
        params.put("installBy", installBy.toString());
        return params;
    }

    /** Refuses what the truck could not download or check safely; the message names the field. */
    public static PackageOrder parse(JsonNode params) {
        String kind = text(params, "kind", TOKEN);
        if (!KINDS.contains(kind)) {
            throw new MalformedMessage("install-package kind is not one of " + KINDS);
        }
        long size = count(params, "sizeBytes");
        long chunks = count(params, "chunks");
        if (size < 1 || chunks < 1 || chunks > size) {
            throw new MalformedMessage("install-package sizeBytes and chunks are not a package's");
        }
        return new PackageOrder(rollout(params), text(params, "name", NAME), text(params, "version", TOKEN), kind,
                text(params, "consumer", TOKEN), text(params, "nuid", TOKEN), size, chunks, count(params, "firstSequence"),
                text(params, "digest", DIGEST), signature(params), installWhen(params),
                Json.instant(text(params, "installBy", Pattern.compile(".+")), "install-package installBy is not a time"));
    }

    /** The rollout the order belongs to, or null: a truck can report on a malformed order only if it has one. */
    public static String rolloutOf(JsonNode params) {
        try {
            return rollout(params);
        } catch (MalformedMessage e) {
            return null;
        }
    }

    /** A package name the truck may use as a file name. */
    static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new MalformedMessage("the package name is missing or malformed");
        }
    }

    private static String rollout(JsonNode params) {
        try {
            return UUID.fromString(String.valueOf(Json.text(params, "rollout"))).toString();
        } catch (IllegalArgumentException e) {
            throw new MalformedMessage("install-package rollout is not a UUID");
        }
    }

    private static String signature(JsonNode params) {
        return params.path("signature").isNull() || params.path("signature").isMissingNode() ? null
                : text(params, "signature", SIGNATURE);
    }

    private static List<String> installWhen(JsonNode params) {
        List<String> conditions = new ArrayList<>();
        params.path("installWhen").forEach(condition -> conditions.add(condition.asString()));
        return conditions;
    }

    private static String text(JsonNode params, String field, Pattern shape) {
        String value = Json.text(params, field);
        if (value == null || !shape.matcher(value).matches()) {
            throw new MalformedMessage("install-package " + field + " is missing or malformed");
        }
        return value;
    }

    private static long count(JsonNode params, String field) {
        JsonNode value = params.path(field);
        if (!value.isIntegralNumber() || value.longValue() < 0) {
            throw new MalformedMessage("install-package " + field + " is not a count");
        }
        return value.longValue();
    }
}
