package com.infraconsole.base.database;

import java.nio.file.Path;

/** The embedded database's data directory is somewhere its data would be wiped. */
public class UnsafeDataDirException extends RuntimeException {

    UnsafeDataDirException(Path dataDir, Path tmp) {
        super("INFRA_DATA_DIR " + dataDir + " is under the temp directory " + tmp
                + ", where the embedded database's data would be wiped: choose a directory outside " + tmp);
    }
}
