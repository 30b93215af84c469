package io.fleetmesh.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The quick start's secrets (keys, credentials, the admin password): created readable by this user only. */
final class OwnerOnlyFile {

    private OwnerOnlyFile() {
    }

    /** Replaces the file; it never exists with wider permissions, not even between creation and writing. */
    static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
        return file;
    }
}
