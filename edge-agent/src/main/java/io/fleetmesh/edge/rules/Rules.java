package io.fleetmesh.edge.rules;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Reads the {@code rule.<id> = ...} entries of the agent's properties file. */
public final class Rules {

    private Rules() {
    }

    public static List<Rule> load(Path file) throws IOException {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
        }
        return from(properties);
    }

    public static List<Rule> from(Properties properties) {
        List<Rule> rules = new ArrayList<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("rule.")) {
                rules.add(Rule.parse(key.substring("rule.".length()), properties.getProperty(key)));
            }
        }
        return rules;
    }
}
