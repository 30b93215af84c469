package io.fleetmesh.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A committed npm package ({@code package.json} and lock file under {@code src/test/<name>}) installed once into
 * {@code target/<name>} with {@code npm ci}: third-party programs the system tests run (a NATS client, an S3 server).
 */
final class NodePackage {

    private NodePackage() {
    }

    /** The installed package's directory, with {@code files} (its scripts) copied in fresh. */
    static synchronized Path installed(String name, String... files) throws Exception {
        Path sources = Path.of("src/test", name);
        Path home = Path.of("target", name).toAbsolutePath();
        Files.createDirectories(home);
        for (String file : files) {
            Files.copy(sources.resolve(file), home.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(home.resolve("node_modules"))) {
            for (String file : List.of("package.json", "package-lock.json")) {
                Files.copy(sources.resolve(file), home.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(home.toFile())
                    .redirectErrorStream(true).redirectOutput(home.resolve("npm.log").toFile()).start();
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                throw new IllegalStateException("npm ci failed: " + Files.readString(home.resolve("npm.log")));
            }
        }
        return home;
    }
}
