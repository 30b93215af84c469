package io.fleetmesh.api.apikeys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An API key as the caller holds it: {@code fmk_<prefix>_<secret>}. The prefix finds the stored key; the secret
 * (256 random bits) is stored only as its SHA-256 hash: with that much entropy a slow password hash adds nothing,
 * and every request is checked. Pure Java.
 */
record ApiKeyToken(String prefix, String secret) {

    private static final Pattern FORMAT = Pattern.compile("fmk_([0-9a-f]{12})_([0-9a-f]{64})");
    private static final SecureRandom random = new SecureRandom();

    static ApiKeyToken generate() {
        return new ApiKeyToken(randomHex(6), randomHex(32));
    }

    static Optional<ApiKeyToken> parse(String text) {
        Matcher m = FORMAT.matcher(text);
        return m.matches() ? Optional.of(new ApiKeyToken(m.group(1), m.group(2))) : Optional.empty();
    }

    byte[] secretHash() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison with the stored hash. */
    boolean matches(byte[] storedHash) {
        return MessageDigest.isEqual(secretHash(), storedHash);
    }

    @Override
    public String toString() {
        return "fmk_" + prefix + "_" + secret;
    }

    private static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
