package com.infraconsole.playbook;

import java.time.Instant;

/** One row of a playbook's history. */
public record PlaybookVersionSummary(int versionNo, String name, String savedBy, Instant savedAt) {}
