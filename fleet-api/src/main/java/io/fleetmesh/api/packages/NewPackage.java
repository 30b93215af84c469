package io.fleetmesh.api.packages;

import io.fleetmesh.api.refusals.InvalidInput;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What an upload says of its package besides the bytes: {@code name} and {@code version} (one package per both),
 * {@code kind}, {@code target} ({@code tag:<tag>} or {@code kind:<device kind>}; none: any device the rollout names),
 * {@code signature} (base64url of an Ed25519 signature of the package's SHA-256 digest, checked on the truck before
 * it installs) and a {@code description}.
 */
record NewPackage(String name, String version, PackageKind kind, String target, String signature, String description) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+_-]{0,31}");
    private static final Pattern TARGET = Pattern.compile("(tag|kind):[A-Za-z0-9._-]{1,64}");

    static NewPackage of(String name, String version, String kind, String target, String signature, String description) {
        NewPackage upload = new NewPackage(name, version, PackageKind.named(kind), blankToNull(target),
                blankToNull(signature), blankToNull(description));
        upload.check();
        return upload;
    }

    /** The object's name in the bucket. */
    String objectName() {
        return name + "@" + version;
    }

    private void check() {
        require(NAME.matcher(name).matches(), "name", "A name is 1 to 64 lower-case letters, digits, '.', '_' or '-'.");
        require(VERSION.matcher(version).matches(), "version", "A version is 1 to 32 letters, digits, '.', '+', '_' or '-'.");
        require(target == null || TARGET.matcher(target).matches(), "target", "A target is tag:<tag> or kind:<device kind>.");
        require(signature == null || signatureBytes() == 64, "signature", "A signature is the base64url of 64 bytes (Ed25519).");
        require(description == null || description.length() <= 500, "description", "A description has at most 500 characters.");
    }

    private int signatureBytes() {
        try {
            return Base64.getUrlDecoder().decode(signature).length;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    private static void require(boolean holds, String field, String detail) {
        if (!holds) {
            throw new InvalidInput("Invalid package", detail, Map.of("field", field));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
