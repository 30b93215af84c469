package io.fleetmesh.edge.ota;

import io.fleetmesh.protocol.PackageOrder;
import io.fleetmesh.protocol.PackageRollback;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * {@code file} packages (maps, routes, settings files): the file takes the package's name in {@code ota.files-dir}
 * in one rename, so apps on the truck see the old file or the new one, never half of one; the one it replaces is
 * kept as {@code <name>.previous} for a rollback.
 */
final class FileInstaller implements Installer {

    private final Path dir;

    FileInstaller(Path dir) {
        this.dir = dir;
    }

    @Override
    public boolean install(PackageOrder order, Path verified) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(order.name());
        if (Files.exists(target)) {
            Files.copy(target, dir.resolve(order.name() + ".previous"), StandardCopyOption.REPLACE_EXISTING);
        }
        DurableFiles.moveInto(verified, target);
        return true;
    }

    /** The file it replaced comes back; a file that was not there before goes. */
    @Override
    public boolean rollBack(PackageRollback rollback) throws IOException {
        Path target = dir.resolve(rollback.name());
        Path previous = dir.resolve(rollback.name() + ".previous");
        if (Files.exists(previous)) {
            DurableFiles.moveInto(previous, target);
        } else {
            Files.deleteIfExists(target);
        }
        return false;
    }

    /** The rename is the install: done if the file there is the package. */
    @Override
    public Ended afterRestart(PackageOrder order) throws IOException, NoSuchAlgorithmException {
        Path target = dir.resolve(order.name());
        boolean there = Files.exists(target) && MessageDigest.isEqual(sha256(target), PackageCheck.expectedDigest(order));
        return there ? Ended.succeeded() : Ended.interrupted();
    }

    static byte[] sha256(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return digest.digest();
    }
}
