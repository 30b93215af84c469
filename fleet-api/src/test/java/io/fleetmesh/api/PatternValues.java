package io.fleetmesh.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Strings that match a schema's {@code pattern}, so that generated values get past validation into the code behind
 * it. Knows the subset of regular expressions the document uses: literals, classes, groups, alternation,
 * quantifiers, {@code \s}/{@code \d}/{@code \w}; a negative lookahead generates nothing (rarely violated, and then
 * the value is merely invalid).
 */
final class PatternValues {

    private static final String PRINTABLE = printable();
    private static final Map<String, Node> parsed = new ConcurrentHashMap<>();

    private final String regex;
    private int at;

    private PatternValues(String regex) {
        this.regex = regex;
    }

    static String generate(String regex, SplittableRandom random) {
        StringBuilder out = new StringBuilder();
        parsed.computeIfAbsent(regex, r -> new PatternValues(r).alternation()).generate(random, out);
        return out.toString();
    }

    /** A piece of a pattern that appends a matching string. */
    private interface Node {
        void generate(SplittableRandom random, StringBuilder out);
    }

    private record Chars(String choices) implements Node {
        public void generate(SplittableRandom random, StringBuilder out) {
            out.append(choices.charAt(random.nextInt(choices.length())));
        }
    }

    private record Sequence(List<Node> nodes) implements Node {
        public void generate(SplittableRandom random, StringBuilder out) {
            nodes.forEach(node -> node.generate(random, out));
        }
    }

    private record Choice(List<Node> options) implements Node {
        public void generate(SplittableRandom random, StringBuilder out) {
            options.get(random.nextInt(options.size())).generate(random, out);
        }
    }

    /** Repeats between min and max times, mostly few: long values come from the hostile generators. */
    private record Repeat(Node node, int min, int max) implements Node {
        public void generate(SplittableRandom random, StringBuilder out) {
            int times = min + random.nextInt(Math.min(max - min, 8) + 1);
            for (int i = 0; i < times; i++) {
                node.generate(random, out);
            }
        }
    }

    private Node alternation() {
        List<Node> options = new ArrayList<>(List.of(sequence()));
        while (more() && peek() == '|') {
            at++;
            options.add(sequence());
        }
        return options.size() == 1 ? options.get(0) : new Choice(options);
    }

    private Node sequence() {
        List<Node> nodes = new ArrayList<>();
        while (more() && peek() != '|' && peek() != ')') {
            nodes.add(quantified(atom()));
        }
        return new Sequence(nodes);
    }

    private Node quantified(Node atom) {
        if (!more()) {
            return atom;
        }
        char c = peek();
        if (c == '?' || c == '*' || c == '+') {
            at++;
            return new Repeat(atom, c == '+' ? 1 : 0, c == '?' ? 1 : 4);
        }
        if (c != '{') {
            return atom;
        }
        int close = regex.indexOf('}', at);
        String[] bounds = regex.substring(at + 1, close).split(",", -1);
        at = close + 1;
        int min = Integer.parseInt(bounds[0]);
        int max = bounds.length == 1 ? min : bounds[1].isEmpty() ? min + 4 : Integer.parseInt(bounds[1]);
        return new Repeat(atom, min, max);
    }

    private Node atom() {
        char c = regex.charAt(at++);
        switch (c) {
            case '(':
                return group();
            case '[':
                return new Chars(charClass());
            case '.':
                return new Chars(PRINTABLE);
            case '\\':
                return new Chars(escape(regex.charAt(at++)));
            default:
                return new Chars(String.valueOf(c));
        }
    }

    private Node group() {
        boolean lookahead = regex.startsWith("?!", at) || regex.startsWith("?=", at);
        if (regex.startsWith("?", at)) {
            at += 2;
        }
        Node inner = alternation();
        at++; // ')'
        return lookahead ? new Sequence(List.of()) : inner;
    }

    private String charClass() {
        boolean negated = peek() == '^';
        at += negated ? 1 : 0;
        StringBuilder chars = new StringBuilder();
        while (peek() != ']') {
            char c = regex.charAt(at++);
            String single = c == '\\' ? escape(regex.charAt(at++)) : String.valueOf(c);
            if (single.length() == 1 && peek() == '-' && regex.charAt(at + 1) != ']') {
                char end = regex.charAt(at + 1);
                at += 2;
                for (char r = single.charAt(0); r <= end; r++) {
                    chars.append(r);
                }
            } else {
                chars.append(single);
            }
        }
        at++;
        return negated ? PRINTABLE.chars().filter(ch -> chars.indexOf(String.valueOf((char) ch)) < 0)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString()
                : chars.toString();
    }

    private static String escape(char c) {
        switch (c) {
            case 's':
                return " ";
            case 'd':
                return "0123456789";
            case 'w':
                return "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
            default:
                return String.valueOf(c);
        }
    }

    private boolean more() {
        return at < regex.length();
    }

    private char peek() {
        return regex.charAt(at);
    }

    private static String printable() {
        StringBuilder chars = new StringBuilder();
        for (char c = ' '; c < 0x7f; c++) {
            chars.append(c);
        }
        return chars.toString();
    }
}
