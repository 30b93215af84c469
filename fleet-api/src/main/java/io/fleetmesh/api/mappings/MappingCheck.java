package io.fleetmesh.api.mappings;

import io.fleetmesh.protocol.SubjectPatterns;
import io.fleetmesh.api.refusals.InvalidInput;
import io.fleetmesh.protocol.Subjects;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which mapping sets may be signed into a tenant's account. A mapping may not capture nor produce the server's own
 * subjects ({@code $JS}, {@code $SYS}, ...), inboxes, or the trucks' commands and the reports that drive commands and
 * rollouts; sources may not overlap (which one would apply?), and no destination may be a source again (a loop).
 * Destinations naming a device must name one of the tenant's ({@code knownDevice}). Pure.
 */
final class MappingCheck {

    static final int MAX_RULES = 100;
    static final int MAX_DESTINATIONS = 10;
    /** Produced only by the trucks' agents and fleet-api: a mapping there could forge or swallow them. */
    private static final List<String> GUARDED = List.of(Subjects.ALL_COMMANDS, Subjects.ALL_COMMAND_EVENTS,
            Subjects.ALL_OTA_EVENTS);

    private MappingCheck() {
    }

    /** Refuses a set that may not be signed, with InvalidInput naming the first mapping at fault. */
    static void check(List<MappingRule> rules, Predicate<String> knownDevice) {
        require(rules != null && rules.size() <= MAX_RULES, -1, "rules", "At most %d mappings.".formatted(MAX_RULES));
        for (int i = 0; i < rules.size(); i++) {
            checkRule(rules, i, knownDevice);
        }
    }

    private static void checkRule(List<MappingRule> rules, int index, Predicate<String> knownDevice) {
        MappingRule rule = rules.get(index);
        require(rule != null && SubjectPatterns.wellFormed(rule.source()), index, "source",
                "A source is a subject pattern: dot-separated tokens, '*' for one token, '>' for the rest.");
        require(!system(rule.source()) && GUARDED.stream().noneMatch(g -> SubjectPatterns.overlap(g, rule.source())),
                index, "source", "A mapping may not capture $ subjects, inboxes, commands or command and rollout reports.");
        for (int other = 0; other < index; other++) {
            require(!SubjectPatterns.overlap(rules.get(other).source(), rule.source()), index, "source",
                    "Its source overlaps that of mapping " + other + ": which one applies would be undefined.");
        }
        List<MappingRule.Destination> destinations = rule.destinations();
        require(destinations != null && !destinations.isEmpty() && destinations.size() <= MAX_DESTINATIONS, index,
                "destinations", "A mapping has 1 to %d destinations.".formatted(MAX_DESTINATIONS));
        int total = 0;
        for (MappingRule.Destination destination : destinations) {
            checkDestination(rules, index, destination, knownDevice);
            total += destination.percent();
        }
        require(total <= 100, index, "destinations", "The weights add up to at most 100 (the rest keeps its subject).");
    }

    private static void checkDestination(List<MappingRule> rules, int index, MappingRule.Destination destination,
                                         Predicate<String> knownDevice) {
        require(destination != null && SubjectPatterns.wellFormed(destination.subject()), index, "destinations",
                "A destination is a subject: dot-separated tokens with $n, {{wildcard(n)}} or {{partition(count, n...)}}.");
        require(destination.percent() >= 1 && destination.percent() <= 100, index, "destinations",
                "A weight is 1 to 100 percent.");
        String pattern = transform(rules.get(index).source(), destination.subject(), index).destinationPattern();
        require(!system(pattern) && GUARDED.stream().noneMatch(g -> SubjectPatterns.overlap(g, pattern)), index,
                "destinations", "A mapping may not produce $ subjects, inboxes, commands or command and rollout reports.");
        // rules after this one are not checked yet: a malformed one is refused when its turn comes
        require(rules.stream().filter(rule -> rule != null && SubjectPatterns.wellFormed(rule.source()))
                .noneMatch(rule -> SubjectPatterns.overlap(rule.source(), pattern)), index, "destinations",
                "Destination " + destination.subject() + " is itself mapped: a loop.");
        String device = deviceToken(pattern);
        require(device == null || knownDevice.test(device), index, "destinations",
                "Destination " + destination.subject() + " names device " + device + ", which is not one of this tenant's.");
    }

    private static SubjectTransform transform(String source, String destination, int index) {
        try {
            return new SubjectTransform(source, destination);
        } catch (IllegalArgumentException e) {
            throw refused(index, "destinations", "Destination " + destination + ": " + e.getMessage() + ".");
        }
    }

    /** The server's subjects, inboxes and replies; a leading wildcard would capture them all. */
    private static boolean system(String pattern) {
        String first = SubjectPatterns.tokens(pattern).get(0);
        return first.startsWith("$") || first.startsWith("_") || first.equals("*") || first.equals(">");
    }

    /** The literal device id of a {@code fleet.<device>...} subject, or null. */
    private static String deviceToken(String pattern) {
        List<String> tokens = SubjectPatterns.tokens(pattern);
        return tokens.size() > 1 && tokens.get(0).equals(Subjects.ROOT) && !tokens.get(1).equals("*") && !tokens.get(1).equals(">")
                ? tokens.get(1) : null;
    }

    private static void require(boolean holds, int index, String field, String detail) {
        if (!holds) {
            throw refused(index, field, detail);
        }
    }

    private static InvalidInput refused(int index, String field, String detail) {
        return new InvalidInput("Invalid mapping", detail, index < 0 ? Map.of("field", field)
                : Map.of("field", field, "mapping", index));
    }
}
