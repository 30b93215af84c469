package io.fleetmesh.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The series a PromQL expression reads: each metric name with the label names its matchers use. Not a PromQL
 * parser, enough for dashboard queries: strings, ranges, grouping clauses and functions are dropped, and what is
 * left that looks like a name is a metric (PromQL's own rule: a name followed by "(" is a function).
 */
final class PromQlSelectors {

    /** A metric and the labels its {@code {...}} matchers name. */
    record Selector(String metric, Set<String> labels) {
    }

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*\\]");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern OFFSET = Pattern.compile("\\boffset\\s+-?[0-9a-z$_]+");
    private static final Pattern NAME_OR_MATCHERS = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\()?|\\{([^}]*)\\}");
    private static final Pattern MATCHER_LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*@");
    private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\(\\s*(.+),\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*\\)\\s*$");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan");

    private PromQlSelectors() {
    }

    /** Every selector of a PromQL expression, in order. */
    static List<Selector> of(String expression) {
        // strings become a placeholder, so label values ("/actuator.*", "5..") are never taken for names
        String stripped = STRING.matcher(expression).replaceAll("@");
        stripped = RANGE.matcher(stripped).replaceAll(" ");
        stripped = GROUPING.matcher(stripped).replaceAll(" ");
        stripped = OFFSET.matcher(stripped).replaceAll(" ");
        List<Selector> selectors = new ArrayList<>();
        Matcher token = NAME_OR_MATCHERS.matcher(stripped);
        String pending = null;
        while (token.find()) {
            if (token.group(3) != null) {
                selectors.add(new Selector(pending == null ? "" : pending, labels(token.group(3))));
                pending = null;
                continue;
            }
            add(selectors, pending);
            pending = null;
            String name = token.group(1);
            boolean function = token.group(2) != null;
            boolean number = token.start() > 0 && Character.isDigit(stripped.charAt(token.start() - 1));
            if (!function && !number && !KEYWORDS.contains(name.toLowerCase())) {
                pending = name;
            }
        }
        add(selectors, pending);
        return selectors;
    }

    /** A Grafana variable query: {@code label_values(selector, label)}, or plain PromQL. */
    static List<Selector> ofVariable(String query) {
        Matcher labelValues = LABEL_VALUES.matcher(query);
        if (!labelValues.matches()) {
            return of(query);
        }
        List<Selector> selectors = new ArrayList<>();
        for (Selector selector : of(labelValues.group(1))) {
            Set<String> labels = new TreeSet<>(selector.labels());
            labels.add(labelValues.group(2));
            selectors.add(new Selector(selector.metric(), labels));
        }
        return selectors;
    }

    private static void add(List<Selector> selectors, String metric) {
        if (metric != null) {
            selectors.add(new Selector(metric, Set.of()));
        }
    }

    private static Set<String> labels(String matchers) {
        Set<String> labels = new TreeSet<>();
        Matcher label = MATCHER_LABEL.matcher(matchers);
        while (label.find()) {
            labels.add(label.group(1));
        }
        return labels;
    }
}
