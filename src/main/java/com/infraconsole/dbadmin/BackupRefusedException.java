package com.infraconsole.dbadmin;

/** A backup that must not be restored (hash mismatch, unknown schema version, missing manifest), or cannot be taken. */
public class BackupRefusedException extends RuntimeException {

    public BackupRefusedException(String message) {
        super(message);
    }
}
