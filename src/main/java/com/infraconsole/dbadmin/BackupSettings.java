package com.infraconsole.dbadmin;

import java.nio.file.Path;
import org.springframework.core.env.Environment;

/**
 * Where backups go and how many are kept: INFRA_BACKUP_DIR (default {@code <data-dir>/backups}
 * with the embedded database, {@code ./backups} otherwise), INFRA_BACKUP_KEEP (default 10),
 * INFRA_BACKUP_DUMP_TOOL and INFRA_BACKUP_BEFORE_MIGRATE (default true).
 */
record BackupSettings(Path dir, int keep, String dumpTool, boolean beforeMigrate, Path dataDir, boolean embedded) {

    static BackupSettings from(Environment env) {
        var dataDir = Path.of(env.getProperty("infra.data-dir", "./data"));
        boolean embedded = env.getProperty("infra.embedded-db.active", Boolean.class, false);
        var configured = env.getProperty("infra.backup.dir", "");
        var dir = !configured.isBlank()
                ? Path.of(configured)
                : embedded ? dataDir.resolve("backups") : Path.of("backups");
        return new BackupSettings(
                dir.toAbsolutePath().normalize(),
                Math.max(1, env.getProperty("infra.backup.keep", Integer.class, 10)),
                env.getProperty("infra.backup.dump-tool", ""),
                env.getProperty("infra.backup.before-migrate", Boolean.class, true),
                dataDir.toAbsolutePath().normalize(),
                embedded);
    }
}
