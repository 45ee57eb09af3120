package com.infraconsole.base.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A refused data directory is reported as one line, not as a stack trace. */
class UnsafeDataDirFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeDataDirException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeDataDirException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Set INFRA_DATA_DIR to a persistent directory, for example /var/lib/infra-console/data.",
                cause);
    }
}
