package io.fleetmesh.systemtests;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The official Node NATS client ({@code src/test/node/tap-reader.mjs}, npm {@code nats}) reading a data tap: a reader
 * that knows nothing of Fleetmesh but the tap's credentials.
 */
final class TapReader {

    private TapReader() {
    }

    /** Starts a reader appending {@code <sequence> <subject>} lines to {@code out}; {@code crashAfter} batches or -1. */
    static Process start(String hub, Path creds, String stream, String consumer, String inboxPrefix, Path out,
                         int crashAfter, Path log) throws Exception {
        Path script = NodePackage.installed("node", "tap-reader.mjs").resolve("tap-reader.mjs");
        ProcessBuilder node = new ProcessBuilder("node", script.toString(), hub, creds.toString(), stream, consumer, inboxPrefix, out.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        if (crashAfter >= 0) {
            node.environment().put("CRASH_AFTER_BATCHES", String.valueOf(crashAfter));
        }
        return node.start();
    }

    static void stop(Process reader) throws InterruptedException, IOException {
        reader.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
}
