package io.fleetmesh.bench;

import java.util.List;

/** {@code --name value} command-line options. */
final class Arguments {

    private final List<String> args;

    Arguments(String[] args) {
        this.args = List.of(args);
    }

    int integer(String name, int fallback) {
        int index = args.indexOf(name);
        return index >= 0 && index + 1 < args.size() ? Integer.parseInt(args.get(index + 1).replace("_", "")) : fallback;
    }

    String text(String name, String fallback) {
        int index = args.indexOf(name);
        return index >= 0 && index + 1 < args.size() ? args.get(index + 1) : fallback;
    }

    /** {@code --fleetmesh.key=value} options, passed on to fleet-api as they are. */
    List<String> fleetmeshOptions() {
        return args.stream().filter(arg -> arg.startsWith("--fleetmesh.")).toList();
    }
}
