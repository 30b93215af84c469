package io.fleetmesh.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The official Node NATS client ({@code src/test/node/tap-reader.mjs}, npm {@code nats}) reading a data tap: a reader
 * that knows nothing of Fleetmesh but the tap's credentials. Installed once into {@code target/tap-reader} with
 * {@code npm ci} from the committed lock file.
 */
final class TapReader {

    private static final Path SOURCES = Path.of("src/test/node");
    private static final Path HOME = Path.of("target/tap-reader");

    private TapReader() {
    }

    static synchronized Path installed() throws Exception {
        if (!Files.isDirectory(HOME.resolve("node_modules/nats"))) {
            Files.createDirectories(HOME);
            for (String file : List.of("package.json", "package-lock.json", "tap-reader.mjs")) {
                Files.copy(SOURCES.resolve(file), HOME.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(HOME.toFile())
                    .redirectErrorStream(true).redirectOutput(HOME.resolve("npm.log").toFile()).start();
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                throw new IllegalStateException("npm ci failed: " + Files.readString(HOME.resolve("npm.log")));
            }
        } else {
            Files.copy(SOURCES.resolve("tap-reader.mjs"), HOME.resolve("tap-reader.mjs"), StandardCopyOption.REPLACE_EXISTING);
        }
        return HOME;
    }

    /** Starts a reader appending {@code <sequence> <subject>} lines to {@code out}; {@code crashAfter} batches or -1. */
    static Process start(String hub, Path creds, String stream, String consumer, String inboxPrefix, Path out,
                         int crashAfter, Path log) throws Exception {
        ProcessBuilder node = new ProcessBuilder("node", installed().resolve("tap-reader.mjs").toAbsolutePath().toString(),
                hub, creds.toString(), stream, consumer, inboxPrefix, out.toString())
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
