package io.fleetmesh.systemtests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/** The edge agent as its own JVM, as on a gateway, so a test can kill -9 it. */
final class AgentProcess {

    private AgentProcess() {
    }

    static Process start(Path configFile) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File log = configFile.resolveSibling("agent.log").toFile();
        return new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                "io.fleetmesh.edge.EdgeAgent", configFile.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .start();
    }
}
