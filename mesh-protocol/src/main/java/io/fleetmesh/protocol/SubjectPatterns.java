package io.fleetmesh.protocol;

import java.util.List;
import java.util.regex.Pattern;

/** NATS subjects and patterns, token by token: which are well formed, which match, which overlap. */
public final class SubjectPatterns {

    private static final Pattern TOKEN = Pattern.compile("[^\\s.]+");

    private SubjectPatterns() {
    }

    public static List<String> tokens(String subject) {
        return List.of(subject.split("\\.", -1));
    }

    /** Dot-separated non-empty tokens, no white space; {@code *} and {@code >} alone in theirs, {@code >} last. */
    public static boolean wellFormed(String pattern) {
        if (pattern == null || pattern.isEmpty() || pattern.length() > 255) {
            return false;
        }
        List<String> tokens = tokens(pattern);
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            boolean wildcardInside = token.length() > 1 && (token.contains("*") || token.contains(">"));
            if (!TOKEN.matcher(token).matches() || wildcardInside || (token.equals(">") && i < tokens.size() - 1)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the literal subject matches the pattern. */
    public static boolean matches(List<String> pattern, List<String> subject) {
        for (int i = 0; i < pattern.size(); i++) {
            if (pattern.get(i).equals(">")) {
                return subject.size() > i;
            }
            if (i >= subject.size() || !(pattern.get(i).equals("*") || pattern.get(i).equals(subject.get(i)))) {
                return false;
            }
        }
        return pattern.size() == subject.size();
    }

    /** Whether some subject matches both patterns. */
    public static boolean overlap(String a, String b) {
        List<String> left = tokens(a);
        List<String> right = tokens(b);
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            String l = left.get(i);
            String r = right.get(i);
            if (l.equals(">") || r.equals(">")) {
                return true;
            }
            if (!l.equals(r) && !l.equals("*") && !r.equals("*")) {
                return false;
            }
        }
        return left.size() == right.size();
    }

    /** Whether every subject the pattern matches also matches {@code outer}: a consumer's filter within its stream's. */
    public static boolean within(String pattern, String outer) {
        List<String> inner = tokens(pattern);
        List<String> bounds = tokens(outer);
        for (int i = 0; i < bounds.size(); i++) {
            String bound = bounds.get(i);
            if (bound.equals(">")) {
                return inner.size() > i;
            }
            if (i >= inner.size() || inner.get(i).equals(">") || (!bound.equals("*") && !bound.equals(inner.get(i)))) {
                return false;
            }
        }
        return inner.size() == bounds.size();
    }
}
