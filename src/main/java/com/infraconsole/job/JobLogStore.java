package com.infraconsole.job;

import com.infraconsole.base.DownloadSlots;
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

    /** Lines per read of a download: at most 500 x 64 KB (a TEXT line) in memory, whatever the driver. */
    static final int DOWNLOAD_CHUNK = 500;

    private final JdbcTemplate jdbc;
    private final DownloadSlots downloads;

    JobLogStore(DataSource dataSource, DownloadSlots downloads) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.downloads = downloads;
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
        return jdbc.query(
                "SELECT line_number, timestamp, content FROM job_logs"
                        + " WHERE job_id = ? AND line_number >= ? AND line_number < ? ORDER BY line_number",
                (rs, n) -> new JobLogLine(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3)),
                jobId,
                from,
                from + count);
    }

    /** The number of lines, which is the highest line number (read from the index). */
    int lineCount(long jobId) {
        Integer max =
                jdbc.queryForObject("SELECT MAX(line_number) FROM job_logs WHERE job_id = ?", Integer.class, jobId);
        return max == null ? 0 : max;
    }

    /**
     * Streams the whole log as text, in one of the node's download slots. It reads keyset chunks of
     * {@link #DOWNLOAD_CHUNK} lines, each a short statement of its own, and writes a chunk only
     * after its connection went back to the pool: a slow client holds no connection and no cursor.
     * The same on both drivers (mysql-connector-j buffers a whole result set unless told to use
     * cursors, which would pin the connection again).
     *
     * @throws com.infraconsole.base.TooManyDownloadsException when every download slot is taken
     */
    long writeTo(long jobId, OutputStream out) {
        try (var slot = downloads.acquire()) {
            long lines = 0;
            int after = 0;
            while (true) {
                var chunk = jdbc.query(
                        "SELECT line_number, content FROM job_logs WHERE job_id = ? AND line_number > ?"
                                + " ORDER BY line_number LIMIT " + DOWNLOAD_CHUNK,
                        (rs, n) -> new Object[] {rs.getInt(1), rs.getString(2)},
                        jobId,
                        after);
                for (var line : chunk) {
                    out.write(((String) line[1]).getBytes(StandardCharsets.UTF_8));
                    out.write('\n');
                }
                lines += chunk.size();
                if (chunk.size() < DOWNLOAD_CHUNK) {
                    out.flush();
                    return lines;
                }
                after = (Integer) chunk.getLast()[0];
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
