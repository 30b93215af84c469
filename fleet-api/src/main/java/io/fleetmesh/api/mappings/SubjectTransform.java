package io.fleetmesh.api.mappings;

import io.fleetmesh.protocol.SubjectPatterns;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A source pattern and one destination template, as nats-server 2.9 applies them: a subject that matches the
 * source becomes the destination with each reference replaced by the source token it names. Pure: the dry-run and
 * the checks use it; the hub does the real mapping.
 */
final class SubjectTransform {

    private static final Pattern DOLLAR = Pattern.compile("\\$(\\d+)");
    private static final Pattern WILDCARD = Pattern.compile("\\{\\{\\s*wildcard\\s*\\(\\s*(\\d+)\\s*\\)\\s*}}");
    private static final Pattern PARTITION = Pattern.compile("\\{\\{\\s*partition\\s*\\(\\s*(\\d+)((?:\\s*,\\s*\\d+)+)\\s*\\)\\s*}}");

    private final List<String> source;
    private final List<String> destination;

    SubjectTransform(String source, String destination) {
        this.source = SubjectPatterns.tokens(source);
        this.destination = SubjectPatterns.tokens(destination);
        this.destination.forEach(this::check);
    }

    /** The destination for {@code subject}, or empty if the subject does not match the source. */
    Optional<String> apply(String subject) {
        List<String> tokens = SubjectPatterns.tokens(subject);
        if (!SubjectPatterns.matches(source, tokens)) {
            return Optional.empty();
        }
        List<String> wildcards = wildcardValues(tokens);
        List<String> out = new ArrayList<>();
        for (String token : destination) {
            out.add(token.equals(">") ? String.join(".", tokens.subList(source.size() - 1, tokens.size()))
                    : replaced(token, wildcards));
        }
        return Optional.of(String.join(".", out));
    }

    /** The source's single-token wildcards. */
    int wildcards() {
        return (int) source.stream().filter("*"::equals).count();
    }

    /** The destination as a pattern: each token that refers to the source's wildcards may be any token. */
    String destinationPattern() {
        return String.join(".", destination.stream().map(token -> references(token).isEmpty() ? token : "*").toList());
    }

    private void check(String token) {
        if (token.equals(">") && !source.get(source.size() - 1).equals(">")) {
            throw new IllegalArgumentException("a destination ends with '>' only when its source does");
        }
        for (int reference : references(token)) {
            if (reference < 1 || reference > wildcards()) {
                throw new IllegalArgumentException("the source has %d wildcard(s): there is no wildcard %d"
                        .formatted(wildcards(), reference));
            }
        }
        String rest = PARTITION.matcher(WILDCARD.matcher(DOLLAR.matcher(token).replaceAll("")).replaceAll("")).replaceAll("");
        if (rest.contains("{{") || rest.contains("}}") || rest.contains("*") || (rest.contains(">") && !token.equals(">"))) {
            throw new IllegalArgumentException("'" + token + "' is not a token, $n, {{wildcard(n)}} or {{partition(count, n...)}}");
        }
    }

    private static List<Integer> references(String token) {
        List<Integer> found = new ArrayList<>();
        DOLLAR.matcher(token).results().forEach(m -> found.add(Integer.parseInt(m.group(1))));
        WILDCARD.matcher(token).results().forEach(m -> found.add(Integer.parseInt(m.group(1))));
        PARTITION.matcher(token).results().forEach(m -> found.addAll(indexes(m.group(2))));
        return found;
    }

    private String replaced(String token, List<String> wildcards) {
        String out = PARTITION.matcher(token).replaceAll(m -> quoted(partition(Integer.parseInt(m.group(1)),
                indexes(m.group(2)), wildcards)));
        out = WILDCARD.matcher(out).replaceAll(m -> quoted(wildcards.get(Integer.parseInt(m.group(1)) - 1)));
        return DOLLAR.matcher(out).replaceAll(m -> quoted(wildcards.get(Integer.parseInt(m.group(1)) - 1)));
    }

    private static String quoted(String value) {
        return Matcher.quoteReplacement(value);
    }

    /** The server's: FNV-1a (32 bits) of the named tokens joined without separator, modulo the partitions. */
    private static String partition(int count, List<Integer> indexes, List<String> wildcards) {
        int hash = 0x811c9dc5;
        for (int index : indexes) {
            for (byte b : wildcards.get(index - 1).getBytes(StandardCharsets.UTF_8)) {
                hash = (hash ^ (b & 0xff)) * 0x01000193;
            }
        }
        return Long.toString(Integer.toUnsignedLong(hash) % count);
    }

    private static List<Integer> indexes(String commaList) {
        List<Integer> indexes = new ArrayList<>();
        for (String part : commaList.split(",")) {
            if (!part.isBlank()) {
                indexes.add(Integer.parseInt(part.strip()));
            }
        }
        return indexes;
    }

    private List<String> wildcardValues(List<String> tokens) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < source.size(); i++) {
            if (source.get(i).equals("*")) {
                values.add(tokens.get(i));
            }
        }
        return values;
    }
}
