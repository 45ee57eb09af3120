package com.infraconsole.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Everything the ops dashboard shows, read in one transaction at {@code takenAt}. */
public record DashboardSnapshot(
        Instant takenAt,
        Map<String, Long> serversByStatus,
        long jobsRunning,
        long jobsPending,
        SuccessRate last24h,
        SuccessRate last7d,
        long failedLast24h,
        Map<String, Long> openTicketsByPriority,
        List<DayOutcomes> jobsPerDay,
        List<PlaybookFailures> topFailingPlaybooks,
        List<EnvironmentServers> serversPerEnvironment,
        List<RecentFailure> recentFailures) {

    /** Finished jobs of a window; cancelled runs count for neither side of the rate. */
    public record SuccessRate(long succeeded, long failed) {

        public long finished() {
            return succeeded + failed;
        }

        /** Percent 0..100, or -1 when nothing finished in the window. */
        public double percent() {
            return finished() == 0 ? -1 : succeeded * 100.0 / finished();
        }
    }

    /** Jobs completed on one UTC day by outcome, with their run time (started to completed). */
    public record DayOutcomes(
            LocalDate day,
            long succeeded,
            long failed,
            long timedOut,
            long cancelled,
            long timedRuns,
            long totalSeconds) {

        /** Mean run time in seconds of the day's runs that started, or null when none did. */
        public Double averageSeconds() {
            return timedRuns == 0 ? null : (double) totalSeconds / timedRuns;
        }
    }

    public record PlaybookFailures(long playbookId, String playbook, long failures) {}

    public record EnvironmentServers(String environment, long servers) {}

    public record RecentFailure(
            long jobId, String status, Instant completedAt, String playbook, String server, String error) {}
}
