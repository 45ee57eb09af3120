package com.infraconsole.job;

import java.time.Instant;

/** One line of a job's output; line numbers start at 1 and have no gaps. */
public record JobLogLine(int lineNumber, Instant timestamp, String content) {}
