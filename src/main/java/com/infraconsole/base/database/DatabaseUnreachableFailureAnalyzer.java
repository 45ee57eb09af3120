package com.infraconsole.base.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an unreachable database into one clear line instead of a wall of stack traces. */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseUnreachableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUnreachableException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Check DATABASE_URL, DB_HOST/DB_PORT/DB_NAME/DB_USER/DB_PASSWORD or spring.datasource.*, "
                        + "or unset them all to use the embedded database.",
                cause);
    }
}
