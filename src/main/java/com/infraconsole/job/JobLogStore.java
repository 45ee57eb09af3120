package com.infraconsole.job;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * job_logs through plain JDBC: log lines are records, not entities (no audit row, no
 * persistence context). Writes are multi-row INSERTs; reads are line-number ranges on the
 * (job_id, line_number, timestamp) index, so any page of a huge log costs the same. The table is
 * partitioned by month of the line's time and has no foreign key to jobs (partitioned tables
 * cannot have one): old lines expire by month in JobLogRetention, and a job is never deleted.
 */
@Component
class JobLogStore {

    private final JdbcTemplate jdbc;

    JobLogStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** One statement for the whole batch: INSERT ... VALUES (...), (...), ... */
    void insert(long jobId, List<JobLogLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        var sql = new StringBuilder(64 + lines.size() * 16)
                .append("INSERT INTO job_logs (job_id, line_number, timestamp, content) VALUES ");
        for (int i = 0; i < lines.size(); i++) {
            sql.append(i == 0 ? "(?,?,?,?)" : ",(?,?,?,?)");
        }
        jdbc.update(sql.toString(), ps -> {
            int p = 1;
            for (var line : lines) {
                ps.setLong(p++, jobId);
                ps.setInt(p++, line.lineNumber());
                ps.setTimestamp(p++, Timestamp.from(line.timestamp()));
                ps.setString(p++, line.content());
            }
        });
    }

    /** Lines with from <= line_number < from + count. */
    List<JobLogLine> range(long jobId, int from, int count) {
        return jdbc.query("SELECT line_number, timestamp, content FROM job_logs"
                        + " WHERE job_id = ? AND line_number >= ? AND line_number < ? ORDER BY line_number",
                (rs, n) -> new JobLogLine(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3)),
                jobId, from, from + count);
    }

    /** The number of lines, which is the highest line number (read from the index). */
    int lineCount(long jobId) {
        Integer max = jdbc.queryForObject("SELECT MAX(line_number) FROM job_logs WHERE job_id = ?", Integer.class, jobId);
        return max == null ? 0 : max;
    }

    /** Streams the whole log as text without holding it in memory. */
    long writeTo(long jobId, OutputStream out) {
        var lines = new java.util.concurrent.atomic.AtomicLong();
        jdbc.query(con -> {
            var ps = con.prepareStatement("SELECT content FROM job_logs WHERE job_id = ? ORDER BY line_number",
                    java.sql.ResultSet.TYPE_FORWARD_ONLY, java.sql.ResultSet.CONCUR_READ_ONLY);
            ps.setLong(1, jobId);
            ps.setFetchSize(1000);
            return ps;
        }, rs -> {
            try {
                out.write(rs.getString(1).getBytes(StandardCharsets.UTF_8));
                out.write('\n');
                lines.incrementAndGet();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return lines.get();
    }
}
